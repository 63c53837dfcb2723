import Foundation

/// The structure-aware input of the "structured" fuzz target: each byte of the fuzzer's input
/// picks a fragment of article text, so the mutations that libFuzzer makes on bytes become
/// mutations of texts that mix what the stages find hard: quotation marks (paired, unclosed,
/// curly, straight, nested), names (with honorifics, initials, decomposed accents and stacked
/// combining marks), speech verbs and pronouns, dates, transcript labels, emoji with ZWJ,
/// right-to-left scripts and bidi controls, HTML fragments, runs of punctuation and line breaks.
/// The text always is a plain-text article; fragments beyond it are the fuzzer's to combine.
enum FuzzText {
    static let fragments: [String] = [
        // Quotation marks.
        "“", "”", "\"", " \"", "\" ", "‘", "’", "«", "»", "„", "''",
        // Names and their parts.
        "Mr ", "Dr. ", "Anna Berg", "Tomas Lind", "J. ", "K.", "Zelenskyy", "Zelenskky", "O'Brien", "van der Berg",
        "Jose\u{301} Garci\u{301}a", "Ren\u{65}\u{301}e", "Dvor\u{30C}a\u{301}k", "Z\u{308}\u{308}\u{308}\u{323}\u{323}oe",
        "Nguy\u{1EC5}n", "\u{36F}\u{36F}\u{36F}", "PENCE: ", "MR. TRUMP: ", "(CROSSTALK)",
        // Organisations, places, roles.
        "the Ministry of Finance", "Ukraine", "Washington", "the White House", "President ", "the minister",
        "a spokeswoman for Amazon", "Nato", "U.S.", "the council",
        // Speech and stance.
        " said", " told reporters", " added", ", who", " according to ", " that ", " supports ", " opposes ",
        " the plan", " the tax", " he", " she", " they", " it", " was", " not ",
        // Dates and time words.
        " on Monday", " 7 March 2024", " June 7, 2023", " 2019", " last week", " 2024-05-06", " two years ago",
        // Scripts, emoji, bidi.
        "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇦", "\u{200D}", "\u{200F}", "\u{202E}", "\u{202C}", "مرحبا", "שלום", "中文", "\u{FEFF}",
        "\u{FFFD}", "\u{0}", "\u{301}",
        // Markup.
        "<p>", "</p>", "<div class=\"x\">", "</div>", "<b>", "<script>x</script>", "&amp;", "<!--", "-->", "<br>", "<",
        // Punctuation and layout.
        ".", ",", ";", ":", "!", "?", "…", "(", ")", "[", "]", "–", "—", "-", "--", "'", "/", " ", "  ", "\t",
        "\n", "\n\n", "\r\n", "\u{2028}",
        // Words.
        " We will build the bridge", " The plan would cost too much", " and", " but", " because", " in", " of",
    ]

    /// The article text for fuzzer bytes: a byte below `fragments.count` appends that fragment;
    /// any other byte repeats the last fragment 2, 4, … 128 more times (so short inputs can grow
    /// the long runs that used to be quadratic).
    /// The text stops at `maximumLength` UTF-8 bytes: a time-out then means a slow path, not a
    /// long text (a linear analysis of 200 KB takes well under the fuzzer's -timeout).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        var length = 0
        var last = ""
        func append(_ s: String) -> Bool {
            guard length + s.utf8.count <= maximumLength else { return false }
            out += s; length += s.utf8.count
            return true
        }
        for b in bytes {
            let i = Int(b)
            if i < fragments.count {
                last = fragments[i]
                guard append(last) else { break }
            } else {
                for _ in 0..<(2 << ((i - fragments.count) % 7)) where !append(last) { return out }
            }
        }
        return out
    }
    static let maximumLength = 200_000
}
