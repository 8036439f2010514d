import Foundation

/// The learned half of indentation restoration: a log-linear score for placing a statement
/// at one of the depths the search allows.
///
/// Each feature is a combination of a few categorical facts about the placement
/// (``PlacementFacts``), such as "closes one level, the statement is a `return`, the block
/// it leaves is an `if`". The weights were fitted on Python from the `train` half of
/// CPython's standard library (see `Benchmarks/reindent/fit.sh`) and ship as the resource
/// `IndentationModel/indentation-model.json`. A placement's probability is the softmax of
/// its score over the depths the search allows at that point.
///
/// The search's finalists, whole readings, are then compared by their summed
/// log-probability and their ``ReadingFlaws``, with ``readingWeights`` fitted to the same
/// Python after the placement weights.
struct IndentationModel: Sendable {
    /// One feature template: the facts it combines and where its weights start.
    struct Template: Sendable {
        let name: String
        let dimensions: [Int]
        let offset: Int
        var size: Int { dimensions.reduce(1, *) }
    }

    static let kinds = StatementKind.allCases.count + 1  // the last one: a method `def`
    static let previousKinds = kinds + 1  // the last one: no statement before
    static let blocks = BlockKind.allCases.count
    static let comments = FlatPythonBlock.commentFacts
    static let headers = HeaderShape.allCases.count

    /// The templates, in the order their weights are stored.
    static let templates: [Template] = {
        let shapes: [(String, [Int])] = [
            ("closed×kind", [4, kinds]),
            ("closed×previous", [4, previousKinds]),
            ("closed×previous×kind", [4, previousKinds, kinds]),
            ("closed×top×kind", [4, blocks, kinds]),
            ("closed×landing×kind", [4, blocks, kinds]),
            ("closed×count×top", [4, 5, blocks]),
            ("closed×closesLocal×kind", [4, 2, kinds]),
            ("closed×definitionReference×kind", [4, 13, kinds]),
            ("closed×comment×kind", [4, comments, kinds]),
            ("closed×closesSelf", [4, 2]),
            ("closed×method×landingIsClass", [4, 2, 2]),
            ("closed×closesLocal×top", [4, 2, blocks]),
            ("closed×landing×top", [4, blocks, blocks]),
            ("closed×depth", [4, 5]),
            ("closed×previous×top", [4, previousKinds, blocks]),
            ("closed×bodyEndsTerminal×top", [4, 2, blocks]),
            ("closed×next×kind", [4, previousKinds, kinds]),
            ("closed×sameShape×kind", [4, 2, kinds]),
            ("closed×usesRecentTop×kind", [4, 2, kinds]),
            ("closed×assignedCondition×top", [4, 2, blocks]),
            ("closed×count×kind", [4, 5, kinds]),
            ("closed×parallel×top", [4, 4, blocks]),
            ("closed×parallel×kind", [4, 4, kinds]),
            ("closed×outerClosed×outerCount", [4, blocks + 1, 5]),
            ("closed×outerClosed×kind", [4, blocks + 1, kinds]),
            ("closed×closesHeader×kind", [4, 2, kinds]),
            ("closed×closesFunctionLocal×kind", [4, 2, kinds]),
            ("closed×closesHeader×closesLocal×top", [4, 2, 2, blocks]),
            ("closed×comment×closesFunctionLocal×closesLocal", [4, comments, 2, 2]),
            ("closed×comment×top", [4, comments, blocks]),
            ("closed×topHeader×count", [4, headers, 5]),
            ("closed×topHeader×kind", [4, headers, kinds]),
            ("closed×topHeader×closesHeader×closesLocal", [4, headers, 2, 2]),
            ("closed×count×top×kind", [4, 5, blocks, kinds]),
            ("closed×branchLength×top", [4, 4, blocks]),
            ("closed×branchLength×kind", [4, 4, kinds]),
            ("definitionReference×kind", [13, kinds]),
            ("accumulator×kind", [3, kinds]),
            ("closesLocal×kind", [2, kinds]),
            ("closesFunctionLocal×closesHeader×kind", [2, 2, kinds]),
            ("closesSelf×kind", [2, kinds]),
            ("landing×kind", [blocks, kinds]),
            ("closed×conditionSubject", [4, 4]),
            ("branchUpdate×kind", [3, kinds]),
            ("rebindsIterable×kind", [3, kinds]),
        ]
        var offset = 0
        return shapes.map { name, dimensions in
            defer { offset += dimensions.reduce(1, *) }
            return Template(name: name, dimensions: dimensions, offset: offset)
        }
    }()

    static let weightCount = templates.last.map { $0.offset + $0.size } ?? 0
    /// Where each template's weights start, apart from the templates: the search reads them
    /// for every placement it scores.
    private static let offsets = templates.map(\.offset)
    static let featuresPerPlacement = templates.count

    let weights: [Float]
    /// How finalists are compared: the weight of a reading's search score, then one weight
    /// per ``ReadingFlaws`` count.
    let readingWeights: [Float]

    /// The names of ``readingWeights``, as the model file stores them.
    static let readingWeightNames = ["searchScore"] + ReadingFlaws.names
    /// Finalists compared by their search score alone.
    static let searchScoreOnly: [Float] = [1] + ReadingFlaws.names.map { _ in 0 }

    /// The model that ships with Rehearse, read once on first use (``shipped``).
    static var shared: IndentationModel { shipped.model }

    /// The shipped model and, when its resource is missing or does not fit this version, why:
    /// then the model is zeros (every allowed depth equally likely, the rules alone decide)
    /// and every restored block carries a warning that says so (``PythonReindenter``).
    static let shipped: (model: IndentationModel, problem: IndentationModelError?) = {
        do {
            return (try load(), nil)
        } catch {
            return (IndentationModel(weights: [Float](repeating: 0, count: weightCount)), error as? IndentationModelError ?? .damaged("\(error)"))
        }
    }()

    /// Starts reading the shipped model (``shipped``) on another thread, if nobody has, so that
    /// the first block to restore need not wait for it: a reader calls it as soon as it expects
    /// flat text. The model is still read at most once, and only when a guide may need it.
    static func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { _ = shipped }
    }

    /// Reads the shipped model file.
    static func load() throws -> IndentationModel {
        guard let url = Bundle.module.url(forResource: "IndentationModel/indentation-model", withExtension: "json")
            ?? Bundle.module.url(forResource: "indentation-model", withExtension: "json", subdirectory: "IndentationModel")
        else { throw IndentationModelError.missing }
        return try IndentationModel(json: Data(contentsOf: url))
    }

    init(weights: [Float], readingWeights: [Float] = searchScoreOnly) {
        self.weights = weights
        self.readingWeights = readingWeights
    }

    /// Reads a model file; its templates must be the ones this code computes.
    init(json: Data) throws {
        let file = try JSONDecoder().decode(IndentationModelFile.self, from: json)
        guard file.format == IndentationModelFile.formatName, file.templates.count == Self.templates.count else {
            throw IndentationModelError.mismatch("expected \(Self.templates.count) templates of format \(IndentationModelFile.formatName)")
        }
        var weights: [Float] = []
        weights.reserveCapacity(Self.weightCount)
        for (stored, template) in zip(file.templates, Self.templates) {
            guard stored.name == template.name, stored.dimensions == template.dimensions, stored.weights.values.count == template.size else {
                throw IndentationModelError.mismatch("template \(stored.name) does not match \(template.name)")
            }
            weights += stored.weights.values
        }
        guard file.reading.names == Self.readingWeightNames, file.reading.weights.values.count == Self.readingWeightNames.count else {
            throw IndentationModelError.mismatch("expected the reading weights \(Self.readingWeightNames)")
        }
        self.weights = weights
        self.readingWeights = file.reading.weights.values
    }

    /// The score of a placement.
    func score(_ facts: PlacementFacts) -> Float {
        weights.withUnsafeBufferPointer { weights in
            var total: Float = 0
            Self.forEachFeature(of: facts) { index in
                precondition(index >= 0 && index < weights.count, "a placement fact is out of its template's range")
                total += weights[index]
            }
            return total
        }
    }

    /// The score of a whole reading: its search score (summed log-probabilities) and its flaws.
    func readingScore(searchScore: Double, flaws: ReadingFlaws) -> Double {
        zip(readingWeights, [searchScore] + flaws.values).reduce(0) { $0 + Double($1.0) * $1.1 }
    }

    /// Calls `body` with the weight index of each feature of a placement, one per template.
    /// The facts are small counts and categories, so the index arithmetic cannot overflow: it
    /// wraps instead of checking, on the search's hottest path; `body` checks the index.
    @inline(__always)
    static func forEachFeature(of facts: PlacementFacts, _ body: (Int) -> Void) {
        offsets.withUnsafeBufferPointer { t in forEachFeature(of: facts, offsets: t, body) }
    }

    /// ``forEachFeature(of:_:)`` with the templates' offsets at hand; it reads offsets 0 to 44,
    /// one per template, unchecked once their count is.
    @inline(__always)
    private static func forEachFeature(of facts: PlacementFacts, offsets t: UnsafeBufferPointer<Int>, _ body: (Int) -> Void) {
        precondition(t.count == 45, "the features below are computed for 45 templates")
        let k = kinds, p = previousKinds, b = blocks
        let c = facts.closed
        body(t[0] &+ c &* k &+ facts.kind)
        body(t[1] &+ c &* p &+ facts.previous)
        body(t[2] &+ (c &* p &+ facts.previous) &* k &+ facts.kind)
        body(t[3] &+ (c &* b &+ facts.top) &* k &+ facts.kind)
        body(t[4] &+ (c &* b &+ facts.landing) &* k &+ facts.kind)
        body(t[5] &+ (c &* 5 &+ facts.count) &* b &+ facts.top)
        body(t[6] &+ (c &* 2 &+ facts.closesLocal) &* k &+ facts.kind)
        body(t[7] &+ (c &* 13 &+ facts.definitionReference) &* k &+ facts.kind)
        body(t[8] &+ (c &* comments &+ facts.comment) &* k &+ facts.kind)
        body(t[9] &+ c &* 2 &+ facts.closesSelf)
        body(t[10] &+ (c &* 2 &+ facts.isMethod) &* 2 &+ (facts.landing == BlockKind.class.rawValue ? 1 : 0))
        body(t[11] &+ (c &* 2 &+ facts.closesLocal) &* b &+ facts.top)
        body(t[12] &+ (c &* b &+ facts.landing) &* b &+ facts.top)
        body(t[13] &+ c &* 5 &+ min(facts.depth, 4))
        body(t[14] &+ (c &* p &+ facts.previous) &* b &+ facts.top)
        body(t[15] &+ (c &* 2 &+ facts.bodyEndsTerminal) &* b &+ facts.top)
        body(t[16] &+ (c &* p &+ facts.next) &* k &+ facts.kind)
        body(t[17] &+ (c &* 2 &+ facts.sameShape) &* k &+ facts.kind)
        body(t[18] &+ (c &* 2 &+ facts.usesRecentTop) &* k &+ facts.kind)
        body(t[19] &+ (c &* 2 &+ facts.assignedCondition) &* b &+ facts.top)
        body(t[20] &+ (c &* 5 &+ facts.count) &* k &+ facts.kind)
        body(t[21] &+ (c &* 4 &+ facts.parallel) &* b &+ facts.top)
        body(t[22] &+ (c &* 4 &+ facts.parallel) &* k &+ facts.kind)
        body(t[23] &+ (c &* (b &+ 1) &+ facts.outerClosed) &* 5 &+ facts.outerCount)
        body(t[24] &+ (c &* (b &+ 1) &+ facts.outerClosed) &* k &+ facts.kind)
        body(t[25] &+ (c &* 2 &+ facts.closesHeader) &* k &+ facts.kind)
        body(t[26] &+ (c &* 2 &+ facts.closesFunctionLocal) &* k &+ facts.kind)
        body(t[27] &+ ((c &* 2 &+ facts.closesHeader) &* 2 &+ facts.closesLocal) &* b &+ facts.top)
        body(t[28] &+ ((c &* comments &+ facts.comment) &* 2 &+ facts.closesFunctionLocal) &* 2 &+ facts.closesLocal)
        body(t[29] &+ (c &* comments &+ facts.comment) &* b &+ facts.top)
        let h = headers
        body(t[30] &+ (c &* h &+ facts.topHeader) &* 5 &+ facts.count)
        body(t[31] &+ (c &* h &+ facts.topHeader) &* k &+ facts.kind)
        body(t[32] &+ ((c &* h &+ facts.topHeader) &* 2 &+ facts.closesHeader) &* 2 &+ facts.closesLocal)
        body(t[33] &+ ((c &* 5 &+ facts.count) &* b &+ facts.top) &* k &+ facts.kind)
        body(t[34] &+ (c &* 4 &+ facts.branchLength) &* b &+ facts.top)
        body(t[35] &+ (c &* 4 &+ facts.branchLength) &* k &+ facts.kind)
        body(t[36] &+ facts.definitionReference &* k &+ facts.kind)
        body(t[37] &+ facts.accumulator &* k &+ facts.kind)
        body(t[38] &+ facts.closesLocal &* k &+ facts.kind)
        body(t[39] &+ (facts.closesFunctionLocal &* 2 &+ facts.closesHeader) &* k &+ facts.kind)
        body(t[40] &+ facts.closesSelf &* k &+ facts.kind)
        body(t[41] &+ facts.landing &* k &+ facts.kind)
        body(t[42] &+ c &* 4 &+ facts.conditionSubject)
        body(t[43] &+ facts.branchUpdate &* k &+ facts.kind)
        body(t[44] &+ facts.rebindsIterable &* k &+ facts.kind)
    }
}

/// The categorical facts about placing one statement at one depth.
struct PlacementFacts {
    /// Levels closed by the placement, 0 to 3 (3 stands for three or more).
    var closed: Int
    /// The statement's kind (``StatementKind``, or the last value for a method).
    var kind: Int
    /// The kind of the statement before it.
    var previous: Int
    /// The block the previous statement stands in, and the block the statement would land in.
    var top: Int
    var landing: Int
    /// How many statements the innermost open block already holds, bucketed 0 to 4.
    var count: Int
    /// 1 when the statement uses a name bound only in a block this placement closes.
    var closesLocal: Int
    /// 0: it names no open definition; else 1 + where it lands (0: where the `def` stands,
    /// 2: further out, 4: inside its body) + 1 when it only calls the name + 6 for a class.
    var definitionReference: Int
    /// The comment line before it (``FlatPythonBlock/commentFact(_:)``).
    var comment: Int
    /// 1 when it uses `self` and the placement leaves the method that binds it.
    var closesSelf: Int
    /// 1 for a `def` that takes `self` or `cls`.
    var isMethod: Int
    /// The depth itself.
    var depth: Int
    /// 1 when the previous statement ends its block (`return`, `raise`, `pass` …).
    var bodyEndsTerminal: Int
    /// The kind of the statement after it.
    var next: Int
    /// 1 when its first tokens have the shape of the previous statement's.
    var sameShape: Int
    /// 1 when it uses a name last bound in the innermost open block.
    var usesRecentTop: Int
    /// 1 when the innermost block has rebound a name its own condition tests (`if x is None: x = …`).
    var assignedCondition: Int
    /// How the statement parallels the branch before the innermost block (see ``IndentationReading/PlacementContext/parallel``).
    var parallel: Int
    /// The outermost block the placement closes (the last value: none), and its statement count.
    var outerClosed: Int
    var outerCount: Int
    /// 1 when it uses a name that a closed `for`/`with`/`except` line binds.
    var closesHeader: Int
    /// 1 when it uses a name local to a function this placement closes.
    var closesFunctionLocal: Int
    /// The sort of header of the innermost open block (``HeaderShape``).
    var topHeader: Int
    /// In a clause body: 0 none; 1, 2, 3 when it holds fewer, as many or more statements
    /// than the branch before it.
    var branchLength: Int
    /// 0: it uses no name the innermost open loop has rebound since before it; 1: it does and
    /// stays in the loop; 2: it does and leaves it (`return total` after `total += x`).
    var accumulator: Int
    /// What its condition tests (``ConditionSubject``) beside the conditions open where it
    /// lands: 1 for an `elif` continuing a chain whose last test had the same subject, 2 for one
    /// continuing a chain that tested another; 3 for an `if` in the body of an `if` or `elif`
    /// that fixed its subject's value (a decided test); 0 otherwise.
    var conditionSubject: Int
    /// 0: it uses no name the innermost open branch (an `if`, `elif` or `else` body) has rebound
    /// since before it; 1: it does and stays in the branch; 2: it does and leaves it.
    var branchUpdate: Int
    /// 0: it binds no name the iterable of an open `for` reads; 1: it does and stays in that
    /// loop (rebinding what the loop runs over); 2: it does and leaves it.
    var rebindsIterable: Int
}

extension PlacementFacts {
    /// The names of the facts, in the order of ``values``.
    static let names = ["closed", "kind", "previous", "top", "landing", "count", "closesLocal", "definitionReference",
                        "comment", "closesSelf", "isMethod", "depth", "bodyEndsTerminal", "next", "sameShape",
                        "usesRecentTop", "assignedCondition", "parallel", "outerClosed", "outerCount", "closesHeader",
                        "closesFunctionLocal", "topHeader", "branchLength", "accumulator", "conditionSubject", "branchUpdate", "rebindsIterable"]

    /// The facts as numbers, for ``FitRecords``.
    var values: [Int] {
        [closed, kind, previous, top, landing, count, closesLocal, definitionReference, comment, closesSelf, isMethod,
         depth, bodyEndsTerminal, next, sameShape, usesRecentTop, assignedCondition, parallel, outerClosed, outerCount,
         closesHeader, closesFunctionLocal, topHeader, branchLength, accumulator, conditionSubject, branchUpdate, rebindsIterable]
    }
}

/// What opened a block of statements (the module for the outermost one).
enum BlockKind: Int, CaseIterable, Sendable {
    case module, def, `class`, `if`, elif, `else`, `for`, `while`, `try`, except, finally, with, other

    init(_ kind: StatementKind) {
        switch kind {
        case .def: self = .def
        case .class: self = .class
        case .if: self = .if
        case .elif: self = .elif
        case .else: self = .else
        case .for: self = .for
        case .while: self = .while
        case .try: self = .try
        case .except: self = .except
        case .finally: self = .finally
        case .with: self = .with
        default: self = .other
        }
    }
}

enum IndentationModelError: Error, CustomStringConvertible {
    case missing
    case mismatch(String)
    case damaged(String)
    case unwritable(String)

    var description: String {
        switch self {
        case .missing: "the indentation model resource is missing: rebuild Rehearse (swift build) so that it is bundled"
        case .mismatch(let detail): "the indentation model file does not fit this version (\(detail)): refit it with Benchmarks/reindent/fit.sh"
        case .damaged(let detail): "the indentation model file cannot be read (\(detail)): restore it from the repository or refit it with Benchmarks/reindent/fit.sh"
        case .unwritable(let path): "\(path): cannot create the file; check that its folder exists and that you may write there"
        }
    }
}

/// The model file: each template's name, shape and weights.
struct IndentationModelFile: Codable {
    static let formatName = "rehearse-indentation-model-3"

    struct StoredTemplate: Codable {
        var name: String
        var dimensions: [Int]
        var weights: StoredWeights
    }

    /// The weights that compare whole readings (``IndentationModel/readingWeights``), named.
    struct StoredReadingWeights: Codable {
        var names: [String]
        var weights: StoredWeights
    }

    var format: String
    var trainedOn: String
    var templates: [StoredTemplate]
    var reading: StoredReadingWeights
}
