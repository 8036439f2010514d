/// Cues that real Python almost always follows and a linear model weighs too lightly,
/// added to the model's score as fixed log-odds. Each is a small named function; the
/// fitting applies the same offsets, so the learned weights account for them.
enum IndentationCues {
    /// How far a cue moves a placement's score.
    static let strength: Float = 4

    /// The sum of the cues for placing `statement` at `depth`.
    static func offset(_ statement: FlatStatement, comment: Int, at depth: Int, context: IndentationReading.PlacementContext) -> Float {
        definitionUse(statement, at: depth, context: context) + returnAfterLazyInit(statement, at: depth, context: context)
            + exampleAfterComment(statement, comment: comment, at: depth, context: context)
            + siblingClass(statement, at: depth, context: context)
    }

    /// A class whose header looks like that of an open class (`class POINT(ctypes.Structure):`
    /// after `class RECT(ctypes.Structure): _fields_ = […]`) is its sibling, not a class of its
    /// body: a class nested in another is of another kind (`class Meta:` in a model). One in a
    /// method of it is left to the model.
    static func siblingClass(_ statement: FlatStatement, at depth: Int, context: IndentationReading.PlacementContext) -> Float {
        guard statement.kind == .class, context.lookAlikeClassBody > 0 else { return 0 }
        return depth == context.lookAlikeClassBody ? -strength : 0
    }

    /// In a guide-style block, a comment line followed by code that uses nothing local to the
    /// function above names a new example: it starts at the margin.
    static func exampleAfterComment(_ statement: FlatStatement, comment: Int, at depth: Int, context: IndentationReading.PlacementContext) -> Float {
        guard comment >= FlatPythonBlock.CommentKind.allCases.count, statement.clause == nil, context.functionBinding == 0 else { return 0 }
        return depth == 0 ? strength : 0
    }

    /// `if key not in cache: cache[key] = make()` then `return cache[key]`: once an `if` body has
    /// set what its condition tested, a `return` of it stands after the `if`.
    static func returnAfterLazyInit(_ statement: FlatStatement, at depth: Int, context: IndentationReading.PlacementContext) -> Float {
        guard context.returnsInitialisedName, statement.kind == .returnValue else { return 0 }
        return depth == context.top ? -strength : 0
    }

    /// A statement that names an open definition stands outside its body: `tests.append(test_x)`
    /// after `def test_x`, `asyncio.run(main())` after `async def main`. A bare `return wrapper`
    /// returns where `def wrapper` stands. Recursion (`return f(n - 1)`) and a class's own
    /// name inside its methods are left to the model; a class body cannot name its class.
    static func definitionUse(_ statement: FlatStatement, at depth: Int, context: IndentationReading.PlacementContext) -> Float {
        let body = context.referencedDefinition
        guard body > 0 else { return 0 }
        if context.referencesClass { return depth == body ? -strength : 0 }
        switch statement.kind {
        case .returnValue where !context.referenceIsCall && statement.uses.count == 1:
            return depth == body - 1 ? strength : depth >= body ? -strength : 0
        case .returnValue, .returnBare, .yield, .raise:
            return 0
        default:
            return depth >= body ? -strength : 0
        }
    }
}
