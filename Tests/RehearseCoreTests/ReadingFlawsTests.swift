import Testing

@testable import RehearseCore

/// The flaws of whole readings that the search compares its finalists by: each case reads
/// the same flat lines two ways, one as written and one that real Python would not be.
struct ReadingFlawsTests {
    /// The flaws of `source` (indented with four spaces a level) read at its own depths.
    static func flaws(_ source: String) -> ReadingFlaws {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        let block = FlatPythonBlock(lines: lines.map { $0.drop { $0 == " " } })
        let depths = block.statements.map { lines[$0.head].prefix { $0 == " " }.count / 4 }
        return ReadingFlaws(StatementFlow.of(block), range: 0..<block.statements.count, depths: depths)
    }

    @Test func aFunctionThatReturnsAValueOnlyInsideAnIfRunsOffItsEnd() {
        let written = "def size(items):\n    if items:\n        count = len(items)\n    return count\n"
        let misread = "def size(items):\n    if items:\n        count = len(items)\n        return count\n"
        #expect(Self.flaws(misread).fallsOffEnd == 1)
        #expect(Self.flaws(written).fallsOffEnd == 0)
    }

    @Test func aFunctionWhoseBranchesAllReturnOrThatEndsInAnEndlessLoopDoesNot() {
        let branches = "def sign(x):\n    if x < 0:\n        return -1\n    elif x == 0:\n        return 0\n    else:\n        return 1\n"
        let loop = "def first(queue):\n    while True:\n        item = queue.get()\n        if item:\n            return item\n"
        let handled = "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        raise\n"
        #expect(Self.flaws(branches).fallsOffEnd == 0)
        #expect(Self.flaws(loop).fallsOffEnd == 0)
        #expect(Self.flaws(handled).fallsOffEnd == 0)
        // A `break` leaves the endless loop: the function may then end without a value.
        let broken = "def first(queue):\n    while True:\n        item = queue.get()\n        if item:\n            return item\n        break\n"
        #expect(Self.flaws(broken).fallsOffEnd == 1)
    }

    @Test func aGeneratorMayEndWithoutAValue() {
        #expect(Self.flaws("def pairs(items):\n    for item in items:\n        if item:\n            yield item\n        else:\n            return None\n").fallsOffEnd == 0)
    }

    @Test func aNameBoundInOneBranchOnlyIsUnboundAfterTheIf() {
        let written = "def label(flag):\n    if flag:\n        text = 'on'\n    else:\n        text = 'off'\n    return text\n"
        #expect(Self.flaws(written).unboundAfterBranch == 0)
        let oneBranch = "def label(flag):\n    if flag:\n        text = 'on'\n    return text\n"
        let elifBranch = "def label(flag):\n    if flag:\n        text = 'on'\n    elif flag is None:\n        text = 'unset'\n    return text\n"
        #expect(Self.flaws(oneBranch).unboundAfterBranch == 1)
        #expect(Self.flaws(elifBranch).unboundAfterBranch == 1)
    }

    @Test func aBranchThatLeavesTheFunctionDoesNotCount() {
        let guarded = "def label(flag):\n    if flag:\n        text = 'on'\n    else:\n        raise ValueError(flag)\n    return text\n"
        let handled = "def load(path):\n    try:\n        data = open(path).read()\n    except OSError:\n        return None\n    return data\n"
        #expect(Self.flaws(guarded).unboundAfterBranch == 0)
        #expect(Self.flaws(handled).unboundAfterBranch == 0)
        let swallowed = "def load(path):\n    try:\n        data = open(path).read()\n    except OSError:\n        print(path)\n    return data\n"
        #expect(Self.flaws(swallowed).unboundAfterBranch == 1)
    }

    @Test func aNameOnlyALoopBodyBindsIsUnboundAfterTheLoop() {
        let after = "def last(items):\n    for item in items:\n        found = item\n    return found\n"
        let before = "def last(items):\n    found = None\n    for item in items:\n        found = item\n    return found\n"
        #expect(Self.flaws(after).unboundAfterLoop == 1)
        #expect(Self.flaws(before).unboundAfterLoop == 0)
    }

    @Test func namesFromOutsideTheFunctionAndDeclaredGlobalsAreNotFollowed() {
        let global = "def reset():\n    global cache\n    if cache:\n        cache = None\n    print(cache)\n"
        let module = "def show():\n    if debug:\n        print(level)\n    print(level)\n"
        #expect(Self.flaws(global).values == [0, 0, 0, 0])
        #expect(Self.flaws(module).values == [0, 0, 0, 0])
    }

    @Test func codeThatUsesADefinitionReadIntoItsBodyUsesItsOwnDefinition() {
        let inside = "class Tally:\n    def bump(self):\n        self.count += 1\n        tally = Tally()\n        print(tally.count)\n"
        let after = "class Tally:\n    def bump(self):\n        self.count += 1\ntally = Tally()\nprint(tally.count)\n"
        #expect(Self.flaws(inside).usesOwnDefinition == 1)
        #expect(Self.flaws(after).usesOwnDefinition == 0)
        let registered = "def test_webp(h):\n    return h.startswith(b'RIFF')\n    tests.append(test_webp)\n"
        #expect(Self.flaws(registered).usesOwnDefinition == 1)
        // Recursion passes the parameters on; a method builds its class from self.
        let recursive = "def depth(node):\n    return 1 + max(depth(child) for child in node.children)\n"
        let copy = "class Pair:\n    def swapped(self):\n        return Pair(self.right, self.left)\n"
        #expect(Self.flaws(recursive).usesOwnDefinition == 0)
        #expect(Self.flaws(copy).usesOwnDefinition == 0)
    }
}
