/// The flaws of a reading counted per function and per block, so that readings laid out
/// alike there count them once (``FinalistFlaws``).
extension ReadingFlaws {
    /// The flaws of the reading `tree`, with those inside each function and in each block
    /// given by `inFunction` (called with each function's position) and `inBlock` (with the
    /// position of each statement that has a body; nil for the reading's own top level).
    init(_ tree: ReadingTree, inFunction: (Int) -> InFunction, inBlock: (Int?) -> InBlock) {
        self.init()
        for function in tree.range where tree.isFunction(function) {
            add(inFunction(function))
            usesOwnDefinition += tree.usesOfOwnDefinition(function)
        }
        add(inBlock(nil))
        for position in tree.range where tree.end(position) > position + 1 { add(inBlock(position)) }
        var topLevel = NameFlow(tree: tree, body: tree.range, parameters: NameSet())
        topLevel.run(tree.range)
        topLevelUnboundAfterBranch = topLevel.unboundAfterBranch
        topLevelUnboundAfterLoop = topLevel.unboundAfterLoop
        (readsOutOfScope, readsOutOfClass) = tree.readsOutOfScope()
        methodOutsideClass = tree.methodsOutsideClass()
        repeatReadOtherwise = tree.repeatsReadOtherwise()
        lookAlikeSplit = tree.lookAlikesSplitByBlockEnd()
        lookAlikeTestNested = tree.lookAlikeTestsNested()
        (deepestLevel, deeplyNested, oneStatementBodies) = tree.layout()
    }

    /// The flaws counted inside one function: they depend only on the statements of its body
    /// and how they are laid out beneath it.
    struct InFunction {
        var fallsOffEnd = 0
        var unboundAfterBranch = 0
        var unboundAfterLoop = 0
        var neverBound = 0
        var unusedNestedDefinition = 0
        var unreadStores = 0
        var attributeSetInOneBranch = 0

        init(_ tree: ReadingTree, _ function: Int) {
            let body = tree.body(function)
            var flow = NameFlow(tree: tree, body: body, parameters: tree.statements[function].bodyBinds)
            flow.run(body)
            unboundAfterBranch = flow.unboundAfterBranch
            unboundAfterLoop = flow.unboundAfterLoop
            neverBound = flow.neverBound
            if tree.contains(.returnValue, in: body), !tree.contains(.yield, in: body), !tree.terminates(body) { fallsOffEnd = 1 }
            unusedNestedDefinition = tree.unusedDefinitions(in: body)
            var stores = UnreadStores(tree: tree, body: body, locals: flow.locals)
            stores.run(body)
            unreadStores = stores.count
            attributeSetInOneBranch = tree.attributesSetInOneBranch(of: function)
        }
    }

    /// The flaws counted in one block, not in the blocks inside it: they depend only on the
    /// block's statements and how they are laid out beneath its header.
    struct InBlock {
        var repeatedCondition = 0
        var loopLeftOnFirstPass = 0
        var codeAfterOneOpenBranch = 0
        var joinReadInLastBranch = 0
        var loopEndsInvariant = 0
        var loopElseWithoutBreak = 0
        var guardedUseAfterGuard = 0
        var defaultUsedInside = 0
        var elifOffSubject = 0
        var loopBranchEndsInvariant = 0
        var loopDefines = 0
        var resetAfterGuard = 0
        var withTargetReadAfter = 0

        /// The flaws of the body of the statement at `header`, or of the reading's top level.
        init(_ tree: ReadingTree, _ header: Int?) {
            let block = header.map(tree.body) ?? tree.range
            repeatedCondition = tree.repeatedConditions(in: block)
            loopLeftOnFirstPass = tree.loopsLeftOnFirstPass(in: block)
            codeAfterOneOpenBranch = tree.codeAfterOneOpenBranch(in: block)
            joinReadInLastBranch = tree.joinReadsInLastBranch(in: block)
            loopEndsInvariant = tree.loopsEndingInvariant(in: block)
            loopElseWithoutBreak = tree.loopElsesWithoutBreak(in: block)
            guardedUseAfterGuard = tree.guardedUsesAfterGuard(in: block)
            defaultUsedInside = tree.defaultsUsedInside(in: block)
            elifOffSubject = tree.elifsOffSubject(in: block)
            loopBranchEndsInvariant = tree.loopsEndingInvariantInBranch(in: block)
            loopDefines = tree.loopsThatDefine(in: block)
            resetAfterGuard = tree.resetsAfterGuard(in: block)
            withTargetReadAfter = tree.withTargetsReadAfter(in: block)
        }
    }

    private mutating func add(_ counts: InFunction) {
        fallsOffEnd += counts.fallsOffEnd
        unboundAfterBranch += counts.unboundAfterBranch
        unboundAfterLoop += counts.unboundAfterLoop
        neverBound += counts.neverBound
        unusedNestedDefinition += counts.unusedNestedDefinition
        unreadStores += counts.unreadStores
        attributeSetInOneBranch += counts.attributeSetInOneBranch
    }

    private mutating func add(_ counts: InBlock) {
        repeatedCondition += counts.repeatedCondition
        loopLeftOnFirstPass += counts.loopLeftOnFirstPass
        codeAfterOneOpenBranch += counts.codeAfterOneOpenBranch
        joinReadInLastBranch += counts.joinReadInLastBranch
        loopEndsInvariant += counts.loopEndsInvariant
        loopElseWithoutBreak += counts.loopElseWithoutBreak
        guardedUseAfterGuard += counts.guardedUseAfterGuard
        defaultUsedInside += counts.defaultUsedInside
        elifOffSubject += counts.elifOffSubject
        loopBranchEndsInvariant += counts.loopBranchEndsInvariant
        loopDefines += counts.loopDefines
        resetAfterGuard += counts.resetAfterGuard
        withTargetReadAfter += counts.withTargetReadAfter
    }
}
