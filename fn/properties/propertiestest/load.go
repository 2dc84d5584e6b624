package propertiestest

import (
	"errors"
	"strings"
	"unicode/utf16"
)

// Pair is one key and value in the order the reader finds them; a key can
// come more than once, and java.util.Properties keeps the last.
type Pair struct {
	Key, Value string
}

// ErrMalformedUnicode is what Properties.load throws on a \u escape without
// four hex digits: the program reading the file does not start.
var ErrMalformedUnicode = errors.New("malformed \\uxxxx encoding")

// Load reads text as java.util.Properties.load does: logical lines end at
// \n, \r or \r\n; a line ending in an odd number of backslashes continues
// on the next, whose leading blanks are dropped; a logical line whose first
// character after blanks is # or ! is a comment; the key ends at the first
// unescaped =, :, space, tab or form feed; escapes are \t \n \r \f \uXXXX
// and \ before any other character. Text is read as characters: the files
// are UTF-8 and Java reads them as ISO-8859-1 bytes, but every character
// that shapes lines or keys is ASCII, which both readings see alike.
func Load(text string) ([]Pair, error) {
	lr := &lineReader{in: []rune(text)}
	var out []Pair
	for {
		line, ok := lr.readLine()
		if !ok {
			return out, nil
		}
		key, value := splitLine(line)
		k, err := convert(key)
		if err != nil {
			return out, err
		}
		v, err := convert(value)
		if err != nil {
			return out, err
		}
		out = append(out, Pair{k, v})
	}
}

// Keys returns the keys of pairs in order, repeats included.
func Keys(pairs []Pair) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p.Key
	}
	return out
}

type lineReader struct {
	in     []rune
	off    int
	skipLF bool
}

// readLine is Properties.LineReader.readLine: the next logical line, with
// continuations joined and comments and blank lines skipped.
func (r *lineReader) readLine() ([]rune, bool) {
	var line []rune
	skipWhiteSpace, appendedLineBegin, precedingBackslash := true, false, false
	for {
		if r.off >= len(r.in) {
			if len(line) == 0 {
				return nil, false
			}
			if precedingBackslash {
				line = line[:len(line)-1]
			}
			return line, true
		}
		c := r.in[r.off]
		r.off++
		if r.skipLF {
			r.skipLF = false
			if c == '\n' {
				continue
			}
		}
		if skipWhiteSpace {
			if c == ' ' || c == '\t' || c == '\f' {
				continue
			}
			if !appendedLineBegin && (c == '\r' || c == '\n') {
				continue
			}
			skipWhiteSpace, appendedLineBegin = false, false
		}
		if len(line) == 0 && (c == '#' || c == '!') {
			for r.off < len(r.in) && r.in[r.off] != '\r' && r.in[r.off] != '\n' {
				r.off++
			}
			if r.off >= len(r.in) {
				return nil, false
			}
			skipWhiteSpace = true
			continue
		}
		if c != '\n' && c != '\r' {
			line = append(line, c)
			precedingBackslash = c == '\\' && !precedingBackslash
			continue
		}
		if len(line) == 0 {
			skipWhiteSpace = true
			continue
		}
		if r.off >= len(r.in) {
			if precedingBackslash {
				line = line[:len(line)-1]
			}
			return line, true
		}
		if !precedingBackslash {
			return line, true
		}
		line = line[:len(line)-1]
		skipWhiteSpace, appendedLineBegin, precedingBackslash = true, true, false
		r.skipLF = c == '\r'
	}
}

// splitLine is the key and value split of Properties.load0.
func splitLine(line []rune) (key, value []rune) {
	keyLen, valueStart := 0, len(line)
	hasSep, precedingBackslash := false, false
	for keyLen < len(line) {
		c := line[keyLen]
		if (c == '=' || c == ':') && !precedingBackslash {
			valueStart, hasSep = keyLen+1, true
			break
		}
		if (c == ' ' || c == '\t' || c == '\f') && !precedingBackslash {
			valueStart = keyLen + 1
			break
		}
		precedingBackslash = c == '\\' && !precedingBackslash
		keyLen++
	}
	for valueStart < len(line) {
		c := line[valueStart]
		if c != ' ' && c != '\t' && c != '\f' {
			if hasSep || (c != '=' && c != ':') {
				break
			}
			hasSep = true
		}
		valueStart++
	}
	return line[:keyLen], line[valueStart:]
}

// convert is Properties.loadConvert: escapes become their characters, and
// \u escapes UTF-16 code units, joined into runes.
func convert(in []rune) (string, error) {
	var units []uint16
	var b strings.Builder
	flush := func() {
		if len(units) > 0 {
			b.WriteString(string(utf16.Decode(units)))
			units = units[:0]
		}
	}
	for i := 0; i < len(in); i++ {
		c := in[i]
		if c != '\\' || i+1 >= len(in) {
			flush()
			b.WriteRune(c)
			continue
		}
		i++
		switch c = in[i]; c {
		case 'u':
			if i+4 >= len(in) {
				return "", ErrMalformedUnicode
			}
			v := 0
			for _, h := range in[i+1 : i+5] {
				d := hexDigit(h)
				if d < 0 {
					return "", ErrMalformedUnicode
				}
				v = v<<4 + d
			}
			i += 4
			units = append(units, uint16(v))
			continue
		case 't':
			c = '\t'
		case 'r':
			c = '\r'
		case 'n':
			c = '\n'
		case 'f':
			c = '\f'
		}
		flush()
		b.WriteRune(c)
	}
	flush()
	return b.String(), nil
}

func hexDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 'a' && r <= 'f':
		return int(r-'a') + 10
	case r >= 'A' && r <= 'F':
		return int(r-'A') + 10
	}
	return -1
}
