import Foundation
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

    @Test func aLoopWithoutBreakWhoseElseReturnsEndsTheFunction() {
        let search = "def find(items, key):\n    for item in items:\n        if item == key:\n            return item\n    else:\n        return None\n"
        #expect(Self.flaws(search).fallsOffEnd == 0)
        // A `break` skips the `else`: the function may then end without a value.
        let broken = "def find(items, key):\n    for item in items:\n        if item == key:\n            break\n    else:\n        return None\n"
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

    @Test func aNameBoundInOneBranchOrALoopAtTheTopLevelIsCountedApart() {
        let written = "if len(sys.argv) == 1:\n    show(default())\nelse:\n    path = sys.argv[1]\n    with open(path) as f:\n        show(f)\n"
        let misread = "if len(sys.argv) == 1:\n    show(default())\nelse:\n    path = sys.argv[1]\nwith open(path) as f:\n    show(f)\n"
        #expect(Self.flaws(misread).topLevelUnboundAfterBranch == 1)
        #expect(Self.flaws(written).topLevelUnboundAfterBranch == 0)
        #expect(Self.flaws(misread).unboundAfterBranch == 0)
        let loop = "for line in lines:\n    last = line.strip()\nprint(last)\n"
        #expect(Self.flaws(loop).topLevelUnboundAfterLoop == 1)
        #expect(Self.flaws("for line in lines:\n    last = line.strip()\n    print(last)\n").topLevelUnboundAfterLoop == 0)
        // A function's reads are the function's own, not the top level's.
        let function = "def label(flag):\n    if flag:\n        text = 'on'\n    return text\n"
        #expect(Self.flaws(function).unboundAfterBranch == 1)
        #expect(Self.flaws(function).topLevelUnboundAfterBranch == 0)
    }

    @Test func aNameReadUnderATestOfTheSameSubjectCountsAsBound() {
        // `deadline` is bound when `timeout` is set, and read only when it is.
        let written = """
            def wait(timeout=None):
                if timeout is not None:
                    deadline = timeout + now()
                while busy():
                    if timeout is None:
                        pause()
                    else:
                        pause(deadline - now())
            """
        #expect(Self.flaws(written).unboundAfterBranch == 0)
        // A test of another subject does not decide it.
        let otherSubject = written.replacingOccurrences(of: "if timeout is None:", with: "if retries is None:")
        #expect(Self.flaws(otherSubject).unboundAfterBranch == 1)
        // Nor does the same test once the chain that read it is over.
        let after = written + "\n    log(deadline)\n"
        #expect(Self.flaws(after).unboundAfterBranch == 1)
    }

    @Test func aNameReadWhereNoPathHasBoundItYetIsCounted() {
        // `for path in paths:` read inside the `if` leaves `path` unbound in the `else`.
        let misread = "def run(paths, fast):\n    if fast:\n        for path in paths:\n            check(path)\n    else:\n        load(path)\n"
        let written = "def run(paths, fast):\n    if fast:\n        paths = paths[:1]\n    for path in paths:\n        check(path)\n    load(path)\n"
        #expect(Self.flaws(misread).neverBound == 1)
        #expect(Self.flaws(written).neverBound == 0)
        // Read before it is bound in a loop: an earlier pass may have bound it.
        let carried = "def pairs(items):\n    for item in items:\n        if item is not None:\n            yield previous, item\n        previous = item\n"
        #expect(Self.flaws(carried).neverBound == 0)
    }

    @Test func aLoopThatDefinesOrImportsIsCounted() {
        let misread = "def parse(lines):\n    for line in lines:\n        if line:\n            import re\n            check(re, line)\n"
        let written = "def parse(lines):\n    import re\n    for line in lines:\n        if line:\n            check(re, line)\n"
        #expect(Self.flaws(misread).loopDefines == 1)
        #expect(Self.flaws(written).loopDefines == 0)
        let nested = "def run(tasks):\n    while tasks:\n        def step():\n            return tasks.pop()\n        step()\n"
        #expect(Self.flaws(nested).loopDefines == 1)
    }

    @Test func aComprehensionsOwnNamesAreNotReadFromAroundIt() {
        // `item` is the loop's target in `collect`; the comprehension after it binds its own.
        let written = "def collect(rows):\n    for item in rows:\n        check(item)\nnames = [item.name for item in load()]\n"
        #expect(Self.flaws(written).readsOutOfScope == 0)
        let misread = "def collect(rows):\n    for item in rows:\n        check(item)\nnames = [row.name for row in item]\n"
        #expect(Self.flaws(misread).readsOutOfScope == 1)
    }

    @Test func aBranchThatLeavesTheFunctionDoesNotCount() {
        let guarded = "def label(flag):\n    if flag:\n        text = 'on'\n    else:\n        raise ValueError(flag)\n    return text\n"
        let handled = "def load(path):\n    try:\n        data = open(path).read()\n    except OSError:\n        return None\n    return data\n"
        #expect(Self.flaws(guarded).unboundAfterBranch == 0)
        #expect(Self.flaws(handled).unboundAfterBranch == 0)
        let swallowed = "def load(path):\n    try:\n        data = open(path).read()\n    except OSError:\n        print(path)\n    return data\n"
        #expect(Self.flaws(swallowed).unboundAfterBranch == 1)
        // Exiting the process leaves as `raise` does, and so does a `raise` after the colon.
        let exited = "def main(argv):\n    try:\n        options = parse(argv)\n    except ValueError:\n        usage()\n        sys.exit(2)\n    run(options)\n"
        let inline = "def load(path):\n    try:\n        data = open(path).read()\n    except OSError: raise\n    return data\n"
        #expect(Self.flaws(exited).unboundAfterBranch == 0)
        #expect(Self.flaws(inline).unboundAfterBranch == 0)
    }

    @Test func aBranchThatBreaksOrContinuesDoesNotReachTheCodeAfterIt() {
        let skipped = "def sizes(paths):\n    for path in paths:\n        try:\n            info = stat(path)\n        except OSError:\n            continue\n        print(info)\n"
        let stopped = "def drain(reader):\n    while reader:\n        try:\n            chunk = reader.read()\n        except EOFError:\n            if reader:\n                break\n            else:\n                raise\n        print(chunk)\n"
        #expect(Self.flaws(skipped).unboundAfterBranch == 0)
        #expect(Self.flaws(stopped).unboundAfterBranch == 0)
    }

    @Test func anEndlessLoopBindsWhatItsBodyBindsBeforeTheFirstBreak() {
        let read = "def slurp(stream):\n    while True:\n        chunk = stream.read()\n        if not chunk:\n            break\n    return chunk\n"
        #expect(Self.flaws(read).unboundAfterLoop == 0)
        let late = "def slurp(stream):\n    while True:\n        if stream.closed:\n            break\n        chunk = stream.read()\n    return chunk\n"
        #expect(Self.flaws(late).unboundAfterLoop == 1)
    }

    @Test func parametersOnTheLinesThatContinueADefinitionAreBoundInItsBody() {
        let source = "def open_log(path, mode='a',\n        encoding=None, *, errors: dict[str, int] = {},\n        **options):\n    if mode:\n        encoding = 'utf-8'\n    return encoding, errors, options\n"
        let lines = source.split(separator: "\n").map { $0.drop { $0 == " " } }
        #expect(PythonLine.parameterNames(of: lines.prefix(3).map { PythonLine($0) }) == ["path", "mode", "encoding", "errors", "options"])
        // The `def` is one statement of three lines, and its body binds all five.
        let definition = FlatPythonBlock(lines: lines).statements[0]
        #expect(definition.last == 2 && definition.bodyBinds.count == 5)
        #expect(Self.flaws(source).unboundAfterBranch == 0)
    }

    @Test func aNameOnlyALoopBodyBindsIsUnboundAfterTheLoop() {
        let after = "def last(items):\n    for item in items:\n        found = item\n    return found\n"
        let before = "def last(items):\n    found = None\n    for item in items:\n        found = item\n    return found\n"
        #expect(Self.flaws(after).unboundAfterLoop == 1)
        #expect(Self.flaws(before).unboundAfterLoop == 0)
    }

    @Test func aLoopTargetIsBoundByItsLoopNotReadBeforeIt() {
        let loops = "def copy(src, dst, names, extra):\n    for name in names:\n        setattr(dst, name, getattr(src, name))\n    for name in extra:\n        print(name)\n"
        let handler = "def load(path):\n    for attempt in range(3):\n        try:\n            return read(path)\n        except OSError as error:\n            pass\n    with open(path) as error:\n        return error\n"
        #expect(Self.flaws(loops).unboundAfterLoop == 0)
        #expect(Self.flaws(handler).unboundAfterLoop == 0 && Self.flaws(handler).unboundAfterBranch == 0)
        // The target read after the loop is still a name only the loop bound.
        let after = "def copy(src, names):\n    for name in names:\n        print(name)\n    return name\n"
        #expect(Self.flaws(after).unboundAfterLoop == 1)
    }

    @Test func namesFromOutsideTheFunctionAndDeclaredGlobalsAreNotFollowed() {
        let global = "def reset():\n    global cache\n    if cache:\n        cache = None\n    print(cache)\n"
        let module = "def show():\n    if debug:\n        print(level)\n    print(level)\n"
        for source in [global, module] {
            let flaws = Self.flaws(source)
            #expect(flaws.unboundAfterBranch == 0 && flaws.unboundAfterLoop == 0 && flaws.readsOutOfScope == 0)
        }
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

    @Test func aFunctionDefinedInsideAnotherThatNeverNamesItIsUnused() {
        let written = "def outer(items):\n    def key(item):\n        return item.name\n    return sorted(items, key=key)\n"
        let misread = "def setup(path):\n    load(path)\n    def teardown():\n        clear()\n"
        #expect(Self.flaws(written).unusedNestedDefinition == 0)
        #expect(Self.flaws(misread).unusedNestedDefinition == 1)
        // A decorator may register the function: it is used without being named.
        let registered = "def install(app):\n    @app.route('/')\n    def index():\n        return 'home'\n"
        #expect(Self.flaws(registered).unusedNestedDefinition == 0)
    }

    @Test func twoIfsInARowThatTestTheSameConditionRepeatIt() {
        let written = "def f(m):\n    if m:\n        a = 1\n        if m:\n            b = 2\n    return a\n"
        let misread = "def f(m):\n    if m:\n        a = 1\n    if m:\n        b = 2\n    return a\n"
        #expect(Self.flaws(written).repeatedCondition == 0)
        #expect(Self.flaws(misread).repeatedCondition == 1)
        let different = "def f(m, n):\n    if m:\n        a = 1\n    if n:\n        b = 2\n"
        #expect(Self.flaws(different).repeatedCondition == 0)
    }

    @Test func anAssignmentToALocalNothingReadsAfterItStoresInVain() {
        let misread = "def total(items):\n    result = 0\n    for item in items:\n        result += item\n    last = item\n"
        let inBranch = "def f(x):\n    if x:\n        y = 1\n    else:\n        y = 2\n"
        let returned = "def f(x):\n    y = x * 2\n    return y\n"
        let global = "def reset():\n    global count\n    count = 0\n"
        let attribute = "def close(self):\n    self.open = False\n"
        let readBack = "def step(x):\n    x = x + 1\n    return x\n"
        #expect(Self.flaws(misread).unreadStores == 1)
        #expect(Self.flaws(inBranch).unreadStores == 2)
        #expect(Self.flaws(returned).unreadStores == 0)
        #expect(Self.flaws(global).unreadStores == 0)
        #expect(Self.flaws(attribute).unreadStores == 0)
        #expect(Self.flaws(readBack).unreadStores == 0)
    }

    @Test func aStoreTheNextPassOfItsLoopReadsIsReadOnlyInsideTheLoop() {
        let written = "def join(args):\n    sep = ''\n    for arg in args:\n        write(sep + arg)\n        sep = ' '\n    write('.')\n"
        let misread = "def join(args):\n    sep = ''\n    for arg in args:\n        write(sep + arg)\n    sep = ' '\n    write('.')\n"
        #expect(Self.flaws(written).unreadStores == 0)
        #expect(Self.flaws(misread).unreadStores == 1)
        // An endless loop is left by its `break`, after which the count is read.
        let endless = "def count(queue):\n    n = 0\n    while True:\n        n += 1\n        if queue.empty():\n            break\n    return n\n"
        #expect(Self.flaws(endless).unreadStores == 0)
        // A `continue` goes back to the loop's start, where the next test reads the name.
        let skipped = "def scan(lines):\n    seen = None\n    for line in lines:\n        if line == seen:\n            continue\n        seen = line\n        emit(line)\n"
        #expect(Self.flaws(skipped).unreadStores == 0)
    }

    @Test func aStoreAHandlerOrANestedFunctionMayReadIsNotInVain() {
        let handled = "def run(job):\n    state = 'new'\n    try:\n        state = 'started'\n        job()\n    except OSError:\n        log(state)\n"
        let captured = "def counter():\n    count = 0\n    def next_value():\n        return count\n    count = 1\n    return next_value\n"
        #expect(Self.flaws(handled).unreadStores == 0)
        #expect(Self.flaws(captured).unreadStores == 0)
        // Stored again before any read: the first store is in vain.
        let overwritten = "def f():\n    value = 1\n    value = 2\n    return value\n"
        #expect(Self.flaws(overwritten).unreadStores == 1)
    }

    @Test func aLoopWhoseBodyLeavesOnEveryPathNeverPassesTwice() {
        let written = "def first_even(numbers):\n    for n in numbers:\n        if n % 2 == 0:\n            break\n    else:\n        return None\n    return n\n"
        let misread = "def first_even(numbers):\n    for n in numbers:\n        if n % 2 == 0:\n            break\n        else:\n            return None\n    return n\n"
        #expect(Self.flaws(written).loopLeftOnFirstPass == 0)
        #expect(Self.flaws(misread).loopLeftOnFirstPass == 1)
        // A `break` in a loop nested in the body leaves only that loop.
        let nested = "def f(rows):\n    while rows:\n        for cell in rows.pop():\n            if cell:\n                break\n        else:\n            return None\n"
        #expect(Self.flaws(nested).loopLeftOnFirstPass == 0)
    }

    @Test func codeReadOutOfTheFunctionWhoseNamesItUsesReadsOutOfScope() {
        let written = "def serve(app):\n    def handle(environ):\n        check(environ)\n        environ['seen'] = True\n        return app(environ)\n    return handle\n"
        let misread = "def serve(app):\n    def handle(environ):\n        check(environ)\n    environ['seen'] = True\n    return app(environ)\n"
        let atModule = "def load(path):\n    text = open(path).read()\nprint(text)\n"
        #expect(Self.flaws(written).readsOutOfScope == 0)
        #expect(Self.flaws(misread).readsOutOfScope == 2)
        #expect(Self.flaws(atModule).readsOutOfScope == 1)
        // Module names, names declared global and a method's own class attributes are seen.
        let module = "limit = 3\ndef f(n):\n    return min(n, limit)\ndef g(limit):\n    return limit\nprint(limit)\n"
        let global = "def reset():\n    global cache\n    cache = {}\nprint(cache)\n"
        #expect(Self.flaws(module).readsOutOfScope == 0)
        #expect(Self.flaws(global).readsOutOfScope == 0)
        // A class's names are not seen from its methods.
        let classScope = "class Box:\n    size = 1\n    def grow(self):\n        return size + 1\n    def shrink(self, size):\n        return size\n"
        #expect(Self.flaws(classScope).readsOutOfScope == 1)
    }

    @Test func aNameOnlyAClassBodyBindsIsReadOutOfItsClassAnywhereElse() {
        let written = "class Colors:\n    names = ['red', 'green']\nshades = ['dark', 'light']\nfor shade in shades:\n    print(shade)\n"
        let misread = "class Colors:\n    names = ['red', 'green']\n    shades = ['dark', 'light']\nfor shade in shades:\n    print(shade)\n"
        #expect(Self.flaws(written).readsOutOfClass == 0)
        #expect(Self.flaws(misread).readsOutOfClass == 1)
        // The class body reads its own names; the keyword of an argument reads nothing.
        let own = "class Colors:\n    names = ['red']\n    count = len(names)\nshow(names=3)\n"
        #expect(Self.flaws(own).readsOutOfClass == 0)
    }

    @Test func aMethodOutsideAClassBodyIsOutOfItsClass() {
        let written = "class Loader:\n    def __init__(self, path):\n        self.path = path\n    @staticmethod\n    def kind(name):\n        return name\n"
        let misread = "class Loader:\n    def __init__(self, path):\n        self.path = path\n@staticmethod\ndef kind(name):\n    return name\n"
        let selfOutside = "class Loader:\n    size = 0\ndef load(self):\n    return self.path\n"
        #expect(Self.flaws(written).methodOutsideClass == 0)
        #expect(Self.flaws(misread).methodOutsideClass == 1)
        #expect(Self.flaws(selfOutside).methodOutsideClass == 1)
        // A plain function may stand anywhere; a property's setter is a method too.
        let nested = "def outer(items):\n    def key(item):\n        return item.name\n    return sorted(items, key=key)\n"
        let setter = "class Box:\n    def grow(self):\n        pass\n    @size.setter\n    def size(self, value):\n        self._size = value\n"
        #expect(Self.flaws(nested).methodOutsideClass == 0)
        #expect(Self.flaws(setter).methodOutsideClass == 0)
    }

    @Test func aRunOfStatementsWrittenTwiceButReadTwoWaysIsARepeatReadOtherwise() {
        let twice = "if value and value[0] == ' ':\n    token, value = split(value)\n    parts.append(token)\n"
        let written = "def read(value):\n" + (twice + "token, value = word(value)\nparts.append(token)\n" + twice).split(separator: "\n").map { "    \($0)\n" }.joined()
            + "    return parts\n"
        let misread = written.replacingOccurrences(of: "        parts.append(token)\n    return", with: "    parts.append(token)\n    return")
        #expect(misread != written)
        #expect(Self.flaws(written).repeatReadOtherwise == 0)
        #expect(Self.flaws(misread).repeatReadOtherwise == 1)
        // Two statements alike are not yet a run: the third differs.
        let pair = "def f(x):\n    if x:\n        y = g(x)\n        h(y)\n    if x:\n        y = g(x)\n    k(y)\n"
        #expect(Self.flaws(pair).repeatReadOtherwise == 0)
    }

    @Test func codeAfterAnIfElseWhoseOtherBranchesLeaveBelongsInTheBranchThatStays() {
        let misread = "def middle(data):\n    n = len(data)\n    if n == 0:\n        return None\n    else:\n        half = n // 2\n    return data[half]\n"
        let written = "def middle(data):\n    n = len(data)\n    if n == 0:\n        return None\n    else:\n        half = n // 2\n        return data[half]\n"
        #expect(Self.flaws(misread).codeAfterOneOpenBranch == 1)
        #expect(Self.flaws(written).codeAfterOneOpenBranch == 0)
        // In a loop, `continue` leaves the branch too; two branches that stay, or none, do not count.
        let loop = "for x in xs:\n    if x < 0:\n        continue\n    else:\n        y = x\n    total += y\n"
        let bothStay = "if x:\n    y = 1\nelse:\n    y = 2\nprint(y)\n"
        let noElse = "if x:\n    return 1\ny = 2\nprint(y)\n"
        #expect(Self.flaws(loop).codeAfterOneOpenBranch == 1)
        // A branch that leaves in every branch of its own counts as leaving.
        let nested = "for x in xs:\n    if x < 0:\n        if x < -9:\n            continue\n        else:\n            break\n    else:\n        y = x\n    total += y\n"
        #expect(Self.flaws(nested).codeAfterOneOpenBranch == 1)
        #expect(Self.flaws(bothStay).codeAfterOneOpenBranch == 0)
        #expect(Self.flaws(noElse).codeAfterOneOpenBranch == 0)
    }

    @Test func aStatementThatLooksLikeTheLastOfABlockIsNotSplitFromIt() {
        let written = "def report(log, a, b, verbose):\n    if verbose:\n        log.info(a)\n        log.info(b)\n    return a\n"
        let misread = "def report(log, a, b, verbose):\n    if verbose:\n        log.info(a)\n    log.info(b)\n    return a\n"
        #expect(Self.flaws(written).lookAlikeSplit == 0)
        #expect(Self.flaws(misread).lookAlikeSplit == 1)
        // Names, numbers and strings may differ; a different call shape, or a `return`, does not count.
        let alike = "if ready:\n    total = add(total, 2)\ncount = inc(count, 'x')\n"
        let unlike = "if ready:\n    total = add(total, 2)\ncount = inc(count)\n"
        let returns = "def f(x):\n    if x:\n        return x\n    return None\n"
        #expect(Self.flaws(alike).lookAlikeSplit == 1)
        #expect(Self.flaws(unlike).lookAlikeSplit == 0)
        #expect(Self.flaws(returns).lookAlikeSplit == 0)
    }

    @Test func theLayoutCountsDepthAndBlocksOfOnePlainStatement() {
        let written = "def total(rows, skip):\n    sum = 0\n    for row in rows:\n        if row in skip:\n            continue\n"
            + "        sum += row\n    if sum < 0:\n        sum = 0\n    return sum\n"
        let misread = "def total(rows, skip):\n    sum = 0\n    for row in rows:\n        if row in skip:\n            continue\n"
            + "        sum += row\n        if sum < 0:\n            sum = 0\n            return sum\n"
        let (shallow, deep) = (Self.flaws(written), Self.flaws(misread))
        #expect((shallow.deepestLevel, shallow.deeplyNested, shallow.oneStatementBodies) == (3, 4, 1))
        #expect((deep.deepestLevel, deep.deeplyNested, deep.oneStatementBodies) == (3, 6, 0))
        // A body that leaves, opens a block or has an `else` beside it is not counted.
        let others = "if ready:\n    return 1\nfor x in xs:\n    if x:\n        y = x\nwhile busy:\n    wait()\nelse:\n    done()\n"
        #expect(Self.flaws(others).oneStatementBodies == 1)
    }

    @Test func anIfThatLooksLikeTheIfAroundItStandsBesideIt() {
        let written = "def clamp(width, height, limit):\n    if width > limit:\n        width = limit\n    if height > limit:\n        height = limit\n    return width, height\n"
        let misread = "def clamp(width, height, limit):\n    if width > limit:\n        width = limit\n        if height > limit:\n            height = limit\n    return width, height\n"
        #expect(Self.flaws(written).lookAlikeTestNested == 0)
        #expect(Self.flaws(misread).lookAlikeTestNested == 1)
        // The first statement of a body has no choice of depth; a test of another shape does not
        // count, nor one in an `elif`'s body (the header's keyword is part of its look).
        let first = "if width > limit:\n    if height > limit:\n        height = limit\n"
        let unlike = "if width > limit:\n    width = limit\n    if height:\n        height = limit\n"
        let clause = "if width:\n    pass\nelif width > limit:\n    width = limit\n    if height > limit:\n        height = limit\n"
        #expect(Self.flaws(first).lookAlikeTestNested == 0)
        #expect(Self.flaws(unlike).lookAlikeTestNested == 0)
        #expect(Self.flaws(clause).lookAlikeTestNested == 0)
    }

    @Test func codeThatReadsWhatEveryBranchBindsFollowsTheBranches() {
        let written = "def atom(value, quoted):\n    if quoted:\n        token, value = quoted_text(value)\n    else:\n        token, value = plain_text(value)\n    parts.append(token)\n    return value\n"
        let misread = "def atom(value, quoted):\n    if quoted:\n        token, value = quoted_text(value)\n    else:\n        token, value = plain_text(value)\n        parts.append(token)\n    return value\n"
        #expect(Self.flaws(written).joinReadInLastBranch == 0)
        #expect(Self.flaws(misread).joinReadInLastBranch == 1)
        let handled = "try:\n    size = os.path.getsize(path)\nexcept OSError:\n    size = 0\n    print(size)\n"
        #expect(Self.flaws(handled).joinReadInLastBranch == 1)
        // A branch that uses the name itself, a name one branch does not bind, or a read of the
        // branch's own binding alone, does not count.
        let each = "if quoted:\n    token = quoted_text()\n    parts.append(token)\nelse:\n    token = plain_text()\n    parts.append(token)\n"
        let one = "if quoted:\n    token = quoted_text()\nelse:\n    other = plain_text()\n    parts.append(other)\n"
        let own = "if quoted:\n    token = quoted_text()\nelse:\n    parts.append(token)\n"
        #expect(Self.flaws(each).joinReadInLastBranch == 0)
        #expect(Self.flaws(one).joinReadInLastBranch == 0)
        #expect(Self.flaws(own).joinReadInLastBranch == 0)
    }

    @Test func aLoopEndsWithWhatUsesItsPassNotWithWhatFollowsIt() {
        let written = "def send(parts, out):\n    for part in parts:\n        data = encode(part)\n        out.write(data)\n    out.flush()\n"
        let misread = "def send(parts, out):\n    for part in parts:\n        data = encode(part)\n        out.write(data)\n        out.flush()\n"
        #expect(Self.flaws(written).loopEndsInvariant == 0)
        #expect(Self.flaws(misread).loopEndsInvariant == 1)
        // A running total, a one-statement body and an `if` that tests what the pass bound do not count.
        let total = "for part in parts:\n    size = len(part)\n    count += 1\n"
        let single = "for part in parts:\n    out.flush()\n"
        let test = "for part in parts:\n    size = len(part)\n    if size > limit:\n        break\n"
        let header = "while queue:\n    job = queue.pop()\n    if ready:\n        run()\n"
        #expect(Self.flaws(total).loopEndsInvariant == 0)
        #expect(Self.flaws(single).loopEndsInvariant == 0)
        #expect(Self.flaws(test).loopEndsInvariant == 0)
        #expect(Self.flaws(header).loopEndsInvariant == 1)
        // A step of a name (`node = node.parent`) moves the loop on, and so does what reads a
        // `while` loop's condition (`yield queue.pop()`).
        let step = "while node is not None:\n    seen.add(node)\n    node = node.parent\n"
        let condition = "while queue:\n    log(size)\n    yield queue.pop()\n"
        #expect(Self.flaws(step).loopEndsInvariant == 0)
        #expect(Self.flaws(condition).loopEndsInvariant == 0)
    }

    @Test func aLoopElseWithoutABreakIsCodeAfterTheLoop() {
        let search = "for item in items:\n    if item == key:\n        break\nelse:\n    item = None\n"
        let plain = "for item in items:\n    print(item)\nelse:\n    done()\n"
        let nested = "while pending:\n    for item in pending.pop():\n        if item:\n            break\nelse:\n    done()\n"
        #expect(Self.flaws(search).loopElseWithoutBreak == 0)
        #expect(Self.flaws(plain).loopElseWithoutBreak == 1)
        // A `break` of an inner loop does not leave the outer one.
        #expect(Self.flaws(nested).loopElseWithoutBreak == 1)
    }

    @Test func whatATestGuardsStaysInsideTheTest() {
        let written = "def stop(self, conn):\n    if conn is not None:\n        self.conn = None\n        conn.close()\n    return self\n"
        let misread = "def stop(self, conn):\n    if conn is not None:\n        self.conn = None\n    conn.close()\n    return self\n"
        #expect(Self.flaws(written).guardedUseAfterGuard == 0)
        #expect(Self.flaws(misread).guardedUseAfterGuard == 1)
        let truthy = "if conn and verbose:\n    log(conn)\nconn.close()\n"
        #expect(Self.flaws(truthy).guardedUseAfterGuard == 1)
        // A test that the name is missing, a body that leaves or sets it, or an `else`, does not count.
        let missing = "if conn is None:\n    log('none')\nconn.close()\n"
        let leaves = "for conn in conns:\n    if conn:\n        continue\n    conn.close()\n"
        let sets = "if conn:\n    conn = reopen(conn)\nconn.close()\n"
        let branches = "if conn:\n    log(conn)\nelse:\n    log('none')\nconn.close()\n"
        for source in [missing, leaves, sets, branches] { #expect(Self.flaws(source).guardedUseAfterGuard == 0) }
    }

    @Test func whatATestGuardsIsReleasedInsideTheTest() {
        let written = "def close(self):\n    if self._handle is not None:\n        release(self._handle)\n        self._handle = None\n"
        let misread = "def close(self):\n    if self._handle is not None:\n        release(self._handle)\n    self._handle = None\n"
        #expect(Self.flaws(written).resetAfterGuard == 0)
        #expect(Self.flaws(misread).resetAfterGuard == 1)
        let truthy = "if conn and verbose:\n    conn.close()\nconn = None\n"
        #expect(Self.flaws(truthy).resetAfterGuard == 1)
        // Another subject, a test that it is missing, a body that resets it too, or an `else`, does not count.
        let other = "if self.conn:\n    self.conn.close()\nself.cursor = None\n"
        let missing = "if conn is None:\n    log('none')\nconn = None\n"
        let resets = "if conn:\n    conn = None\nconn = None\n"
        let branches = "if conn:\n    conn.close()\nelse:\n    log('none')\nconn = None\n"
        for source in [other, missing, resets, branches] { #expect(Self.flaws(source).resetAfterGuard == 0) }
    }

    @Test func whatAWithOpensIsReadInsideIt() {
        let written = "def fetch(url):\n    with urlopen(url) as page:\n        headers = page.info()\n        body = page.read()\n    return headers, body\n"
        let misread = "def fetch(url):\n    with urlopen(url) as page:\n        headers = page.info()\n    body = page.read()\n    return headers, body\n"
        #expect(Self.flaws(written).withTargetReadAfter == 0)
        #expect(Self.flaws(misread).withTargetReadAfter == 1)
        // Read deeper in a later statement of the block counts. A `with` without a target, one
        // whose body leaves the target alone (it records what happened), or a target bound anew
        // before the read, does not.
        let deeper = "with open(path) as source:\n    header = source.readline()\nfor line in lines:\n    print(source.readline())\n"
        let untargeted = "with lock:\n    count = total\nprint(lock, count)\n"
        let recorder = "with pytest.raises(ValueError) as caught:\n    parse('x')\nassert caught.type is ValueError\n"
        let rebound = "with open(a) as f:\n    first = f.read()\nwith open(b) as f:\n    second = f.read()\n"
        #expect(Self.flaws(deeper).withTargetReadAfter == 1)
        for source in [untargeted, recorder, rebound] { #expect(Self.flaws(source).withTargetReadAfter == 0) }
    }

    @Test func aDefaultIsSetInsideItsTestAndUsedAfterIt() {
        let written = "def add(item, items=None):\n    if items is None:\n        items = []\n    items.append(item)\n    return items\n"
        let misread = "def add(item, items=None):\n    if items is None:\n        items = []\n        items.append(item)\n    return items\n"
        #expect(Self.flaws(written).defaultUsedInside == 0)
        #expect(Self.flaws(misread).defaultUsedInside == 1)
        let negated = "if not cache:\n    cache = load()\n    print(cache)\n"
        let branches = "if cache is None:\n    cache = load()\n    print(cache)\nelse:\n    print('kept')\n"
        #expect(Self.flaws(negated).defaultUsedInside == 1)
        #expect(Self.flaws(branches).defaultUsedInside == 0)
    }

    @Test func anInitializerSetsTheSameAttributesOnEitherBranch() {
        let written = "class Finder:\n    def __init__(self, path):\n        if path:\n            self.path = path\n        else:\n            self.path = cwd()\n        self.cache = {}\n        self.hits = 0\n"
        let misread = "class Finder:\n    def __init__(self, path):\n        if path:\n            self.path = path\n        else:\n            self.path = cwd()\n            self.cache = {}\n            self.hits = 0\n"
        #expect(Self.flaws(written).attributeSetInOneBranch == 0)
        #expect(Self.flaws(misread).attributeSetInOneBranch == 2)
        // Another method, a branch that leaves, an attribute reached through (`self.a.b = …`) or an
        // `elif` chain does not count.
        let method = misread.replacingOccurrences(of: "__init__", with: "reset")
        let leaves = "class Finder:\n    def __init__(self, path):\n        if not path:\n            raise ValueError(path)\n        else:\n            self.path = path\n"
        let through = "class Finder:\n    def __init__(self, path):\n        if path:\n            self.options.path = path\n        else:\n            self.options.root = cwd()\n"
        let chain = "class Finder:\n    def __init__(self, path):\n        if path:\n            self.path = path\n        elif root:\n            self.root = root\n"
        for source in [method, leaves, through, chain] { #expect(Self.flaws(source).attributeSetInOneBranch == 0) }
    }

    @Test func anElifThatTestsAnotherSubjectThanTheClauseBeforeItIsOffItsChain() {
        let written = """
            def describe(node):
                if node.kind == 'leaf':
                    if node.value:
                        return node.value
                elif node.kind in ('pair', 'list'):
                    return 'many'
            """
        let misread = """
            def describe(node):
                if node.kind == 'leaf':
                    if node.value:
                        return node.value
                    elif node.kind in ('pair', 'list'):
                        return 'many'
            """
        #expect(Self.flaws(written).elifOffSubject == 0)
        #expect(Self.flaws(misread).elifOffSubject == 1)
        // Literals are alike and a call's subject is its first argument: these chains test one thing.
        let items = "def first(args):\n    if args[0] is None:\n        return args[1]\n    elif args[1] is None:\n        return args[0]\n"
        let types = "def size(x):\n    if isinstance(x, str):\n        return len(x)\n    elif isinstance(x, bytes):\n        return len(x) * 8\n"
        #expect(Self.flaws(items).elifOffSubject == 0)
        #expect(Self.flaws(types).elifOffSubject == 0)
    }

    @Test func aLoopWhoseLastBranchEndsInWhatFinishesTheLoopsWorkEndsInvariant() {
        let written = """
            def public(items):
                kept = []
                for name, value in items:
                    if not name.startswith('_'):
                        kept.append(name)
                kept.sort()
                return kept
            """
        let misread = """
            def public(items):
                kept = []
                for name, value in items:
                    if not name.startswith('_'):
                        kept.append(name)
                        kept.sort()
                return kept
            """
        #expect(Self.flaws(written).loopBranchEndsInvariant == 0)
        #expect(Self.flaws(misread).loopBranchEndsInvariant == 1)
        // A branch of one statement is how a loop sets a flag; a branch that ends in what the loop bound is its work.
        let flag = "def has(items, key):\n    found = False\n    for item in items:\n        if item == key:\n            found = True\n    return found\n"
        let work = "def show(items):\n    for item in items:\n        if item:\n            text = str(item)\n            print(text)\n"
        #expect(Self.flaws(flag).loopBranchEndsInvariant == 0)
        #expect(Self.flaws(work).loopBranchEndsInvariant == 0)
    }
}
