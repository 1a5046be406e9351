namespace Digest.Language;

/// <summary>
/// The Porter2 ("English Snowball") stemmer: maps inflected forms to a common stem so that <c>flooding</c>,
/// <c>floods</c> and <c>flooded</c> count as one term. Stems are not words (<c>happy</c> → <c>happi</c>); they are
/// only compared with each other.
/// </summary>
public static class Stemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    private static readonly string[] InvariantAfterStep1A =
        ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    /// <summary>Stems a lower-case word. Words of one or two letters, numbers and non-ASCII words come back unchanged.</summary>
    public static string Stem(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        if (lowerWord.Length <= 2 || !IsAsciiLowerWord(lowerWord))
        {
            return lowerWord;
        }

        if (Exceptions.TryGetValue(lowerWord, out var exception))
        {
            return exception;
        }

        var word = new StemBuffer(lowerWord);
        return word.Run();
    }

    private static bool IsAsciiLowerWord(string word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                hasLetter = true;
            }
            else if (c != '\'')
            {
                return false;
            }
        }

        return hasLetter;
    }

    /// <summary>The word being stemmed, with its R1 and R2 regions; <c>Y</c> marks a consonant y.</summary>
    private ref struct StemBuffer
    {
        private readonly char[] _chars;
        private int _length;
        private int _r1;
        private int _r2;

        public StemBuffer(string word)
        {
            var start = word[0] == '\'' ? 1 : 0;
            _chars = word.ToCharArray(start, word.Length - start);
            _length = _chars.Length;
        }

        public string Run()
        {
            if (_length <= 2)
            {
                return new string(_chars, 0, _length);
            }

            MarkConsonantY();
            FindRegions();
            Step0();
            Step1A();
            if (IsInvariantAfterStep1A())
            {
                return Finish();
            }

            Step1B();
            Step1C();
            Step2();
            Step3();
            Step4();
            Step5();
            return Finish();
        }

        private readonly string Finish()
        {
            for (var i = 0; i < _length; i++)
            {
                if (_chars[i] == 'Y')
                {
                    _chars[i] = 'y';
                }
            }

            return new string(_chars, 0, _length);
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        private readonly void MarkConsonantY()
        {
            if (_chars[0] == 'y')
            {
                _chars[0] = 'Y';
            }

            for (var i = 1; i < _length; i++)
            {
                if (_chars[i] == 'y' && IsVowel(_chars[i - 1]))
                {
                    _chars[i] = 'Y';
                }
            }
        }

        private void FindRegions()
        {
            _r1 = StartsWith("gener") ? 5 : StartsWith("commun") ? 6 : StartsWith("arsen") ? 5 : RegionAfter(0);
            _r2 = RegionAfter(_r1);
        }

        /// <summary>The position after the first non-vowel that follows a vowel, searching from <paramref name="from"/>.</summary>
        private readonly int RegionAfter(int from)
        {
            for (var i = from + 1; i < _length; i++)
            {
                if (!IsVowel(_chars[i]) && IsVowel(_chars[i - 1]))
                {
                    return i + 1;
                }
            }

            return _length;
        }

        private readonly bool StartsWith(string prefix) =>
            _length >= prefix.Length && _chars.AsSpan(0, prefix.Length).SequenceEqual(prefix);

        private readonly bool EndsWith(string suffix) =>
            _length >= suffix.Length && _chars.AsSpan(_length - suffix.Length, suffix.Length).SequenceEqual(suffix);

        private void Replace(int suffixLength, string replacement)
        {
            _length -= suffixLength;
            replacement.CopyTo(_chars.AsSpan(_length));
            _length += replacement.Length;
        }

        private readonly bool InR1(int suffixLength) => _length - suffixLength >= _r1;

        private readonly bool InR2(int suffixLength) => _length - suffixLength >= _r2;

        private readonly bool HasVowelBefore(int end)
        {
            for (var i = 0; i < end; i++)
            {
                if (IsVowel(_chars[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A short syllable ends at <paramref name="end"/> (exclusive).</summary>
        private readonly bool EndsWithShortSyllable(int end)
        {
            if (end == 2)
            {
                return IsVowel(_chars[0]) && !IsVowel(_chars[1]);
            }

            if (end < 3)
            {
                return false;
            }

            var last = _chars[end - 1];
            return !IsVowel(last) && last is not ('w' or 'x' or 'Y') && IsVowel(_chars[end - 2]) && !IsVowel(_chars[end - 3]);
        }

        private readonly bool IsShortWord() => _r1 >= _length && EndsWithShortSyllable(_length);

        private void Step0()
        {
            if (EndsWith("'s'"))
            {
                _length -= 3;
            }
            else if (EndsWith("'s"))
            {
                _length -= 2;
            }
            else if (EndsWith("'"))
            {
                _length -= 1;
            }
        }

        private readonly bool IsInvariantAfterStep1A()
        {
            var word = _chars.AsSpan(0, _length);
            foreach (var invariant in InvariantAfterStep1A)
            {
                if (word.SequenceEqual(invariant))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Plural endings.</summary>
        private void Step1A()
        {
            if (EndsWith("sses"))
            {
                _length -= 2;
            }
            else if (EndsWith("ied") || EndsWith("ies"))
            {
                Replace(3, _length > 4 ? "i" : "ie");
            }
            else if (EndsWith("us") || EndsWith("ss"))
            {
                // Unchanged.
            }
            else if (EndsWith("s") && HasVowelBefore(_length - 2))
            {
                _length -= 1;
            }
        }

        private static readonly string[] Step1BSuffixes = ["eedly", "ingly", "edly", "eed", "ing", "ed"];

        private void Step1B()
        {
            foreach (var suffix in Step1BSuffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                if (suffix is "eed" or "eedly")
                {
                    if (InR1(suffix.Length))
                    {
                        Replace(suffix.Length, "ee");
                    }

                    return;
                }

                if (!HasVowelBefore(_length - suffix.Length))
                {
                    return;
                }

                _length -= suffix.Length;
                if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
                {
                    Replace(0, "e");
                }
                else if (EndsWithDouble())
                {
                    _length -= 1;
                }
                else if (IsShortWord())
                {
                    Replace(0, "e");
                }

                return;
            }
        }

        private readonly bool EndsWithDouble() =>
            _length >= 2 && _chars[_length - 1] == _chars[_length - 2] &&
            _chars[_length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

        private readonly void Step1C()
        {
            if (_length > 2 && _chars[_length - 1] is 'y' or 'Y' && !IsVowel(_chars[_length - 2]))
            {
                _chars[_length - 1] = 'i';
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
            ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
            ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
            ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
            ("ogi", "og"), ("li", ""),
        ];

        private void Step2()
        {
            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                if (!InR1(suffix.Length))
                {
                    return;
                }

                var before = _length - suffix.Length - 1;
                if (suffix == "ogi" && (before < 0 || _chars[before] != 'l'))
                {
                    return;
                }

                if (suffix == "li" && (before < 0 || _chars[before] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
                {
                    return;
                }

                Replace(suffix.Length, replacement);
                return;
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
            ("ical", "ic"), ("ness", ""), ("ful", ""),
        ];

        private void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                if (InR1(suffix.Length) && (suffix != "ative" || InR2(suffix.Length)))
                {
                    Replace(suffix.Length, replacement);
                }

                return;
            }
        }

        private static readonly string[] Step4Suffixes =
        [
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
            "ion", "al", "er", "ic",
        ];

        private void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                if (!InR2(suffix.Length))
                {
                    return;
                }

                if (suffix == "ion")
                {
                    var before = _length - 4;
                    if (before < 0 || _chars[before] is not ('s' or 't'))
                    {
                        return;
                    }
                }

                _length -= suffix.Length;
                return;
            }
        }

        private void Step5()
        {
            if (EndsWith("e"))
            {
                if (InR2(1) || (InR1(1) && !EndsWithShortSyllable(_length - 1)))
                {
                    _length -= 1;
                }
            }
            else if (EndsWith("l") && InR2(1) && _length >= 2 && _chars[_length - 2] == 'l')
            {
                _length -= 1;
            }
        }
    }
}
