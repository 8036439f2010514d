import Foundation
import Testing

/// The OpenAPI document against the running server: it validates, and schemathesis's
/// property-based fuzz (every operation, stateful sequences included) finds no 5xx, no
/// undocumented status, no response that breaks its schema, no invalid request accepted and
/// no valid one refused.
@Suite struct APIConformanceTests {
    static let schemathesis = TestServer.tool("st")
    static let validator = TestServer.tool("openapi-spec-validator")

    @Test func theDocumentValidatesAndTheFuzzFindsNothing() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.schemathesis), FileManager.default.isExecutableFile(atPath: Self.validator) else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must install schemathesis and openapi-spec-validator in .venv-tests")
            return
        }
        let document = CLI.repository.appendingPathComponent("Sources/RehearseServer/Public/openapi.json").path
        let validation = try TestServer.run(Self.validator, [document])
        #expect(validation.status == 0, "\(validation.output)")

        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await TestServer.withUserGuide(in: folder)
        defer { server.stop() }
        // Every check but one: `ensure_resource_availability` expects whatever was created to
        // stay, and taking an answer back (POST /api/reviews/undo) deletes it by design.
        // Every warning but two: undo with nothing to undo is refused by design, so how often
        // the fuzz gets past it depends on the order its stateful phase happens to produce;
        // `missing_test_data` and `low_valid_rate` then fail a run that found nothing.
        // Scripts/schemathesis.toml: the upload's raw body takes no negative data (see there).
        let config = CLI.repository.appendingPathComponent("Tests/RehearseCLITests/Scripts/schemathesis.toml").path
        let fuzz = try TestServer.run(
            Self.schemathesis,
            [
                "--config-file", config, "run", "\(server.url)/openapi.json", "--max-examples", "30", "--generation-deterministic", "--no-color",
                "--exclude-checks", "ensure_resource_availability",
                "--warnings", "missing_auth,base_url_mismatch,validation_mismatch,missing_deserializer,unused_openapi_auth,unsupported_regex,method_not_allowed,unresolvable_reference,rate_limited",
            ])
        #expect(fuzz.status == 0, "\(fuzz.output.suffix(4000))")
        #expect(fuzz.output.contains("No issues found"), "\(fuzz.output.suffix(4000))")
    }
}
