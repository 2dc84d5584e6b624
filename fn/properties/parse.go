package properties

import (
	"strconv"
	"strings"
)

// Parse reads key=value text as Strimzi's OrderedProperties.PropertiesReader
// does (it differs from java.util.Properties in small ways, which matter for
// the order and the values kept). Keys come in first-seen order; a repeated
// key keeps its place and takes the later value.
func Parse(text string) (keys []string, values map[string]string) {
	values = map[string]string{}
	put := func(k, v string) {
		if _, ok := values[k]; !ok {
			keys = append(keys, k)
		}
		values[k] = v
	}
	r := &propReader{src: []rune(text), pos: -1, peek: noChar}
	for {
		r.skipBlanks(true)
		if r.peek == eof {
			return keys, values
		}
		if r.peek == '!' || r.peek == '#' {
			r.skipLine()
			continue
		}
		key := r.token(true)
		r.skipBlanks(false)
		if r.peek == '=' || r.peek == ':' {
			r.peek = noChar
			r.skipBlanks(false)
		}
		put(key, r.token(false))
	}
}

const (
	eof    = -1
	noChar = -2
)

type propReader struct {
	src  []rune
	pos  int
	peek rune
}

func (r *propReader) read() rune {
	r.pos++
	if r.pos >= len(r.src) {
		return eof
	}
	return r.src[r.pos]
}

func (r *propReader) token(isKey bool) string {
	var sb strings.Builder
	for {
		switch r.peek {
		case '\t', '\f', ' ', ':', '=':
			if isKey {
				return sb.String()
			}
		case '\r', '\n', eof:
			return sb.String()
		case '\\':
			sb.WriteString(r.escape())
			continue
		}
		if r.peek >= 0 {
			sb.WriteRune(r.peek)
		}
		r.peek = r.read()
	}
}

func (r *propReader) escape() string {
	c := r.read()
	var out string
	switch c {
	case '\r', '\n':
		r.peek = r.read()
		r.skipBlanks(true)
		return ""
	case 'u':
		sum := 0
		for range 4 {
			r.peek = r.read()
			d, err := strconv.ParseUint(string(r.peek), 16, 8)
			if err != nil || r.peek < 0 {
				// Strimzi throws on a malformed \uxxxx; keep what we have.
				return string(rune(sum))
			}
			sum = sum*16 + int(d)
		}
		out = string(rune(sum))
	case 't':
		out = "\t"
	case 'f':
		out = "\f"
	case 'r':
		out = "\r"
	case 'n':
		out = "\n"
	case eof:
		out = ""
	default:
		out = string(c)
	}
	r.peek = r.read()
	return out
}

func (r *propReader) skipLine() {
	for {
		r.peek = r.read()
		if r.peek == '\r' || r.peek == '\n' || r.peek == eof {
			return
		}
	}
}

func (r *propReader) skipBlanks(newLines bool) {
	for ; ; r.peek = r.read() {
		switch r.peek {
		case '\r', '\n':
			if !newLines {
				return
			}
		case '\t', '\f', ' ', noChar:
		default:
			return
		}
	}
}
