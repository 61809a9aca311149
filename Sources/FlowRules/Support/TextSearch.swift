extension String {
    /// Whether `needle` occurs in the string, byte for byte (UTF-8). Rules look for fixed phrases in
    /// free text on every flow; Foundation's `contains` goes through NSString and dominated `check`.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard hay.count >= pattern.count else { return false }
                var index = 0
                let last = hay.count - pattern.count
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < pattern.count, hay[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
