/// The reStructuredText markup that guides exported from Sphinx, or written in its style, carry
/// in flat text.
enum ReStructuredText {
    /// The call-outs (admonitions) whose text is a note of the section.
    static let callouts: Set<Substring> = [
        "note", "warning", "tip", "hint", "important", "caution", "attention", "danger", "error", "admonition",
    ]

    /// What an explicit markup line says to a reader, or nil for any other line: a call-out
    /// (`.. note:: Text`) is a labelled note, `Note: Text` (`Note:` alone when its text follows
    /// on the next lines); any other directive (`.. code-block:: python`, `.. image:: a.png`,
    /// `.. seealso:: …`), a link target (`.. _indexes:`) or a comment (`.. text`) says nothing
    /// to drill ("").
    static func explicitMarkup(_ text: Substring) -> Substring? {
        guard text.hasBytePrefix("..") else { return nil }
        let rest = text.dropFirst(2)
        guard rest.isEmpty || rest.first == " " else { return nil }
        let body = rest.trimmingWhitespace()
        guard let marker = body.range(of: "::") else { return "" }
        let type = body[..<marker.lowerBound]
        guard callouts.contains(type) else { return "" }
        let said = body[marker.upperBound...].trimmingWhitespace()
        // A general admonition's title is its label.
        if type == "admonition" { return said.isEmpty ? "" : Substring(said + ":") }
        let label = type.prefix(1).uppercased() + type.dropFirst()
        return said.isEmpty ? Substring(label + ":") : Substring(label + ": " + said)
    }
}
