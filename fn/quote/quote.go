package quote

import (
	"strconv"
	"strings"
)

// ShellWord quotes s as one POSIX shell word, as Strimzi's
// KafkaConnectDockerfile.Cmd.append does: s is wrapped in single quotes and
// each ' inside becomes '"'"'. Nothing inside single quotes is expanded, so
// the word reaches the program verbatim. Strimzi rejects an empty word; here
// it becomes two single quotes, an empty argument. A NUL byte cannot be
// passed in an argument at all, so callers must not produce one.
func ShellWord(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	writeShellWord(&b, s)
	return b.String()
}

// ShellWords quotes each word with ShellWord and joins them with single spaces.
func ShellWords(words ...string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeShellWord(&b, w)
	}
	return b.String()
}

func writeShellWord(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for {
		i := strings.IndexByte(s, '\'')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(`'"'"'`)
		s = s[i+1:]
	}
	b.WriteString(s)
	b.WriteByte('\'')
}

// XML escapes s for XML text and attribute values as Strimzi's
// KafkaConnectDockerfile.escapeXml does: the five predefined entities, and
// every code point above 0x7E as a decimal character reference.
func XML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			if r > 0x7E {
				b.WriteString("&#")
				b.WriteString(strconv.Itoa(int(r)))
				b.WriteByte(';')
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
