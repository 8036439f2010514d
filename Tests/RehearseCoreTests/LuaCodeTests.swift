import Foundation
import Testing

@testable import RehearseCore

/// Redis scripts in Lua, flattened as guides copy them: read whole and indented by their
/// block words, never taken for Python or prose.
@Suite struct LuaCodeTests {
    @Test func aFlatRedisScriptIsOneLuaBlockIndentedByItsWords() throws {
        let script = """
            local key = KEYS[1]
            local tokens = tonumber(redis.call("HGET", key, "tokens"))
            if tokens == nil then
                tokens = tonumber(ARGV[1])
            elseif tokens ~= 0 then
                for i = 1, 2 do
                    redis.call("HINCRBY", key, "seen", 1)
                end
            else
                return 0
            end
            return tokens
            """
        let flat = script.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: "\n")
        let guide = try GuideReader().read(text: """
            06 — Rate Limiting
            Table of Contents
            - Token Bucket
            Token Bucket
            The script runs atomically inside Redis:
            \(flat)
            The caller retries after the returned delay.
            """, fileName: "06-rate-limiting.txt")
        #expect(guide.codeBlocks.map(\.language) == ["lua"])
        #expect(guide.codeBlocks.first?.code == script)
        #expect(guide.items.last?.content == .concept(title: "Token Bucket", text: "The caller retries after the returned delay."))
    }

    @Test func pythonAndProseAreNoLua() {
        let lines: [Substring] = ["total = 0", "for item in items:", "total += item", "return total"]
        #expect(LuaCode.end(from: 0, count: lines.count, text: { lines[$0] }) == nil)
        // A line only Lua writes, alone, is not enough; nor is a block left open.
        let prose: [Substring] = ["local caching helps most reads", "It costs memory."]
        #expect(LuaCode.end(from: 0, count: prose.count, text: { prose[$0] }) == nil)
        let open: [Substring] = ["local n = 0", "while n < 3 do", "n = n + 1"]
        #expect(LuaCode.end(from: 0, count: open.count, text: { open[$0] }) == nil)
    }
}
