// A small JSON reader for the library's answers, so the wrapper needs no
// package (mono's class library has no JSON reader; on .NET, use
// System.Text.Json on the strings License returns if you prefer).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LicenseFfi
{
    /// <summary>Parses JSON into Dictionary&lt;string, object&gt;, List&lt;object&gt;,
    /// string, long, double, bool and null.</summary>
    public static class Json
    {
        public static object Parse(string text)
        {
            int at = 0;
            object value = Value(text, ref at);
            Space(text, ref at);
            if (at != text.Length) throw Error(text, at, "text after the value");
            return value;
        }

        /// <summary>A value Parse gives (or any of those types, int included) as JSON text.</summary>
        public static string Write(object value)
        {
            var text = new StringBuilder();
            Write(text, value);
            return text.ToString();
        }

        static void Write(StringBuilder text, object value)
        {
            if (value == null) { text.Append("null"); return; }
            if (value is bool) { text.Append((bool)value ? "true" : "false"); return; }
            if (value is string) { Quote(text, (string)value); return; }
            var map = value as IDictionary<string, object>;
            if (map != null)
            {
                text.Append('{');
                bool first = true;
                foreach (var member in map)
                {
                    if (!first) text.Append(',');
                    first = false;
                    Quote(text, member.Key);
                    text.Append(':');
                    Write(text, member.Value);
                }
                text.Append('}');
                return;
            }
            var list = value as System.Collections.IEnumerable;
            if (list != null)
            {
                text.Append('[');
                bool first = true;
                foreach (object item in list)
                {
                    if (!first) text.Append(',');
                    first = false;
                    Write(text, item);
                }
                text.Append(']');
                return;
            }
            text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        static void Quote(StringBuilder text, string s)
        {
            text.Append('"');
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') text.Append('\\').Append(c);
                else if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4"));
                else text.Append(c);
            }
            text.Append('"');
        }

        /// <summary>The member at a path of names and list indexes, or null.</summary>
        public static object At(object value, params object[] path)
        {
            foreach (object step in path)
            {
                var map = value as Dictionary<string, object>;
                var list = value as List<object>;
                if (step is string && map != null) value = map.TryGetValue((string)step, out value) ? value : null;
                else if (step is int && list != null) value = (int)step < list.Count ? list[(int)step] : null;
                else return null;
            }
            return value;
        }

        static object Value(string s, ref int at)
        {
            Space(s, ref at);
            if (at >= s.Length) throw Error(s, at, "a value");
            char c = s[at];
            if (c == '{')
            {
                var map = new Dictionary<string, object>();
                at++;
                Space(s, ref at);
                if (s[at] == '}') { at++; return map; }
                while (true)
                {
                    Space(s, ref at);
                    string key = String(s, ref at);
                    Space(s, ref at);
                    Expect(s, ref at, ':');
                    map[key] = Value(s, ref at);
                    Space(s, ref at);
                    if (s[at] == ',') { at++; continue; }
                    Expect(s, ref at, '}');
                    return map;
                }
            }
            if (c == '[')
            {
                var list = new List<object>();
                at++;
                Space(s, ref at);
                if (s[at] == ']') { at++; return list; }
                while (true)
                {
                    list.Add(Value(s, ref at));
                    Space(s, ref at);
                    if (s[at] == ',') { at++; continue; }
                    Expect(s, ref at, ']');
                    return list;
                }
            }
            if (c == '"') return String(s, ref at);
            if (Word(s, ref at, "true")) return true;
            if (Word(s, ref at, "false")) return false;
            if (Word(s, ref at, "null")) return null;
            int start = at;
            while (at < s.Length && "+-0123456789.eE".IndexOf(s[at]) >= 0) at++;
            string number = s.Substring(start, at - start);
            long whole;
            if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole)) return whole;
            double real;
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out real)) return real;
            throw Error(s, start, "a value");
        }

        static string String(string s, ref int at)
        {
            Expect(s, ref at, '"');
            var text = new StringBuilder();
            while (s[at] != '"')
            {
                char c = s[at++];
                if (c != '\\') { text.Append(c); continue; }
                char e = s[at++];
                switch (e)
                {
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'u': text.Append((char)Convert.ToInt32(s.Substring(at, 4), 16)); at += 4; break;
                    default: text.Append(e); break;
                }
            }
            at++;
            return text.ToString();
        }

        static bool Word(string s, ref int at, string word)
        {
            if (string.CompareOrdinal(s, at, word, 0, word.Length) != 0) return false;
            at += word.Length;
            return true;
        }

        static void Space(string s, ref int at)
        {
            while (at < s.Length && char.IsWhiteSpace(s[at])) at++;
        }

        static void Expect(string s, ref int at, char c)
        {
            if (at >= s.Length || s[at] != c) throw Error(s, at, "'" + c + "'");
            at++;
        }

        static FormatException Error(string s, int at, string expected)
        {
            return new FormatException("JSON: expected " + expected + " at " + at + " of " + s.Length);
        }
    }
}
