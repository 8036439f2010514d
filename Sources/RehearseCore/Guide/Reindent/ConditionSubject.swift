/// What the condition of an `if`, `elif` or `while` line tests, as far as telling two tests of
/// the same thing apart: its *subject*, the operand before its first comparison
/// (`len(values)` in `if len(values) == 1:`), or up to the first argument of a call that
/// starts it (`isinstance(node` in `elif isinstance(node, Leaf):`), or the whole condition
/// when it compares nothing (`if n:`); a leading `not` left out, literals all alike, so that
/// `args[0] is None` and `args[1] is None` test the same subject.
///
/// The clauses of one `if` … `elif` chain mostly test one subject (`if kind == A:` /
/// `elif kind in (B, C):`), and an `if` nested in a branch that fixed its subject's value
/// (`if len(values) == 1:` holding `if len(values) >= 2:`) tests what is already decided.
struct ConditionSubject: Equatable {
    /// A hash of the subject's tokens (FNV-1a), never 0.
    var key: UInt64
    /// Whether the condition fixes the subject's value: compares it with `==` or `is` (not
    /// `is not`), with nothing after but its other operand.
    var fixesValue: Bool

    /// Reads the condition of `line` when it opens an `if`, `elif` or `while`.
    init?(_ line: PythonLine) {
        let tokens = line.tokens
        guard let first = tokens.first, [.keyword(.if), .keyword(.elif), .keyword(.while)].contains(first.kind) else { return nil }
        var position = 1
        if position < tokens.count, tokens[position].kind == .keyword(.not) { position += 1 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var depth = 0
        var ended: PythonLine.Kind?
        let start = position
        scan: while position < tokens.count {
            let token = tokens[position]
            if depth == 0, Self.endsSubject(token.kind) || (token.kind == .op(":") && position > start) {
                ended = token.kind
                break scan
            }
            switch token.kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"): depth -= 1
            case .op(",") where depth == 1: break scan
            default: break
            }
            let code = token.kind == .name ? UInt64(NameInterner.hash(line.word(token).utf8)) << 32 : UInt64(FlatPythonBlock.kindCode(token))
            hash = (hash ^ code) &* 0x100_0000_01b3
            position += 1
        }
        guard position > start else { return nil }
        key = max(hash, 1)
        fixesValue = ended == .op("==") || (ended == .keyword(.is) && position + 1 < tokens.count && tokens[position + 1].kind != .keyword(.not))
        if fixesValue {
            // `x == 1 and y`: the value is fixed only when nothing else is tested.
            fixesValue = !tokens[(position + 1)...].contains { $0.kind == .keyword(.and) || $0.kind == .keyword(.or) }
        }
    }

    /// What ends a subject at the condition's top level: a comparison or a boolean operator.
    private static func endsSubject(_ kind: PythonLine.Kind) -> Bool {
        switch kind {
        case .op("=="), .op("!="), .op("<"), .op(">"), .op("<="), .op(">="): true
        case .keyword(.is), .keyword(.in), .keyword(.not), .keyword(.and), .keyword(.or): true
        default: false
        }
    }
}
