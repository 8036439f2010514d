import Foundation
import Hummingbird
import RehearseApp

/// An error answered as `application/problem+json` (RFC 9457): `type`, `title`, `status`,
/// `detail`.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    /// Headers the status calls for, such as `Allow` on 405.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: [String: Any] = ["type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Request {
    /// The body decoded as JSON, within `limit` bytes: 413 past it, 400 with `usage` when it
    /// is not the expected JSON.
    func decodeJSON<Value: Decodable>(_ type: Value.Type, limit: Int, usage: String) async throws -> Value {
        var request = self
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw Problem(.contentTooLarge, "the request body is larger than \(limit) bytes")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: body))
        } catch {
            throw Problem(.badRequest, usage)
        }
    }

    /// The body of a call that takes no options: a JSON object (`{}`), as every call that
    /// changes data is sent; anything else is refused with 400.
    func expectEmptyOptions() async throws {
        _ = try await decodeJSON(JSONObject.self, limit: StudyAPI.maximumBody, usage: "send the body {} (a JSON object) with Content-Type: application/json")
    }
}

extension Problem {
    /// The web door's form of the application layer's refusals: the same words as the
    /// command line, with the HTTP status that fits.
    init(_ error: TrainerError) {
        let status: HTTPResponse.Status =
            switch error {
            case .unreadableGuide(.tooLarge): .contentTooLarge
            case .unreadableGuide, .invalidSetting, .emptyAnswer, .ankiPackage: .badRequest
            case .unknownCard, .unknownGuide, .unknownKeypoint, .noInterview, .nothingToUndo: .notFound
            case .notLatestAnswer, .noQuestions, .interviewEnded, .interviewWaiting, .tooManyInterviews, .nothingToLearn, .cannotFit: .conflict
            }
        self.init(status, error.description)
    }
}

/// Any JSON object, its members ignored (an empty struct's synthesized decoder would accept
/// an array or a scalar too).
private struct JSONObject: Decodable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: AnyKey.self)
    }
}
