import Foundation
import Hummingbird

/// The pages, scripts and styles shipped in the package's resources, by exact name only:
/// no path from the request ever reaches the file system, so `../` leads nowhere.
enum StaticFiles {
    static let types = ["html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8", "json": "application/json"]
    static let names: Set<String> = ["api.js", "text.js", "study.js", "mock.js", "guides.js", "settings.js", "cards.js", "style.css", "openapi.json"]

    static func response(for name: String) throws -> Response {
        guard names.contains(name), let url = Bundle.module.url(forResource: "Public/\(name)", withExtension: nil),
            let data = try? Data(contentsOf: url)
        else { throw Problem(.notFound, "no such page: \(name)") }
        let type = types[(name as NSString).pathExtension] ?? "application/octet-stream"
        return Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
