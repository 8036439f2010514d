import Foundation
import Hummingbird

/// An error answered as `application/problem+json` (RFC 9457): `type`, `title`, `status`,
/// `detail`.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String

    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: [String: Any] = ["type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return Response(
            status: status, headers: [.contentType: "application/problem+json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
