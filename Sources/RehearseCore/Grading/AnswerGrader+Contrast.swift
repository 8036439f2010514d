import Foundation

extension AnswerGrader {
    /// What introduces, in a key point, the thing its fact is *not* about: "ASGI is
    /// async-native, unlike WSGI".
    static let contrastMarkers = [" unlike ", " whereas ", " rather than ", " instead of ", " as opposed to ", " in contrast to "]
    static let contrastMarkerBytes = contrastMarkers.map { Array($0.utf8) }

    /// Where `marker` (ASCII bytes) first occurs in `text`, found byte by byte: every key point
    /// is searched for every answer graded, and most have no marker.
    static func range(of marker: [UInt8], in text: String) -> Range<String.Index>? {
        let bytes = Array(text.utf8)
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            guard bytes[start..<start + marker.count].elementsEqual(marker) else { continue }
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            return lower..<text.utf8.index(lower, offsetBy: marker.count)
        }
        return nil
    }

    /// For a key point "S … P, unlike C" that contrasts two named things (S and C written as
    /// names: "ASGI", "WSGI", `select_related`): the clause of the answer that attaches P to C —
    /// a term of P comes after one of C's in a sentence that has not named S before it ("runs
    /// on WSGI, which is the async-native interface"). nil when the key point contrasts no
    /// names, or the answer names S before saying P ("ASGI, not WSGI: async handlers").
    static func misattributedClause(of keypoint: String, in text: AnswerText) -> Int? {
        // The markers are looked for as written, in lower case: a point that starts with one
        // ("Unlike WSGI, …") has nothing before it to attach the fact to anyway.
        let padded = " " + keypoint + " "
        guard let marker = contrastMarkerBytes.lazy.compactMap({ Self.range(of: $0, in: padded) }).first else { return nil }
        let stated = TermNormalizer.terms(String(padded[..<marker.lowerBound]))
        let contrasted = TermNormalizer.terms(String(padded[marker.upperBound...]))
        guard let subject = stated.first, let other = contrasted.first, isName(subject), isName(other) else { return nil }
        let predicate = stated.dropFirst().filter { term in !contrasted.contains { matches($0, term) } && !matches(subject, term) }
        guard !predicate.isEmpty else { return nil }
        // Each sentence's terms in order, with the clause each is in.
        var sentence: [(leaf: Int, term: TermNormalizer.Term)] = []
        for (index, leaf) in text.leaves.enumerated() {
            if let last = sentence.last, text.leaves[last.leaf].sentence != leaf.sentence { sentence.removeAll() }
            for term in leaf.terms {
                defer { sentence.append((index, term)) }
                guard predicate.contains(where: { matches($0, term) }),
                    !sentence.contains(where: { matches(subject, $0.term) }),
                    sentence.contains(where: { earlier in contrasted.contains { matches($0, earlier.term) } })
                else { continue }
                return index
            }
        }
        return nil
    }

    /// The keys of what a key point contrasts its fact with: the terms after its contrast
    /// marker ("… unlike WSGI (used by Flask/Django)"); none without a marker.
    static func contrastedKeys(of keypoint: String) -> Set<String> {
        let padded = " " + keypoint + " "
        guard let marker = contrastMarkerBytes.lazy.compactMap({ Self.range(of: $0, in: padded) }).first else { return [] }
        return Set(TermNormalizer.terms(String(padded[marker.upperBound...])).map(\.key))
    }

    /// The keys of the words a key point says only in parentheses, a gloss rather than its
    /// claim ("blocking (synchronous) libraries"): an answer that says the opposite of a gloss
    /// ("async") may be talking of something else.
    static func glossKeys(of keypoint: String) -> Set<String> {
        var inside = ""
        var outside = ""
        var depth = 0
        for character in keypoint {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(depth - 1, 0) }
            if depth > 0 { inside.append(character) } else { outside.append(character) }
        }
        guard !inside.isEmpty else { return [] }
        return Set(TermNormalizer.terms(inside).map(\.key)).subtracting(TermNormalizer.terms(outside).map(\.key))
    }

    /// A term written as a name: a technical token, or a word in capitals ("ASGI", "Django").
    static func isName(_ term: TermNormalizer.Term) -> Bool {
        term.isTechnical || term.original.first?.isUppercase == true
    }
}
