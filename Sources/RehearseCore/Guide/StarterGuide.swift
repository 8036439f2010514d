import Foundation

/// The guides that ship with Rehearse, used when the user has imported none.
public enum StarterGuide {
    public static let pythonDeepDiveFileName = "00-python-deep-dive.md"

    /// Where the bundled Python deep dive is installed.
    static var pythonDeepDiveURL: URL? {
        Bundle.module.url(forResource: "StarterGuides/\(pythonDeepDiveFileName)", withExtension: nil)
            ?? Bundle.module.url(forResource: pythonDeepDiveFileName, withExtension: nil, subdirectory: "StarterGuides")
    }

    /// The bundled Python deep dive, read with the Markdown reader.
    public static func pythonDeepDive() throws(GuideError) -> Guide {
        guard let url = pythonDeepDiveURL else {
            throw .unreadable(file: pythonDeepDiveFileName, reason: "the bundled starter guide is missing from the installation")
        }
        return try GuideReader().read(contentsOfFile: url.path)
    }
}
