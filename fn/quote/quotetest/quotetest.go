package quotetest

import (
	"errors"
	"fmt"
	"strings"
)

// quotedQuote is how ShellWord writes a single quote inside a word: close
// the single quotes, a double-quoted ', open them again.
const quotedQuote = `"'"`

// Split parses line into words as a POSIX shell parses the words of one
// simple command, for the quoting package quote uses: single quotes,
// double quotes and backslashes. Anything else the shell would act on
// (an unquoted or double-quoted $ or `, or an unquoted ; & | < > ( ) or
// newline, or a * ? [ ~ # that could expand) is an error, so a nil error
// means the shell runs exactly one command with exactly these words.
func Split(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("unterminated single quote")
			}
			w.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '"':
			j := i + 1
			for ; j < len(line) && line[j] != '"'; j++ {
				switch line[j] {
				case '$', '`':
					return nil, fmt.Errorf("%q expands inside double quotes", line[j])
				case '\\':
					if j+1 < len(line) && strings.IndexByte("$`\"\\\n", line[j+1]) >= 0 {
						j++
					}
				}
				w.WriteByte(line[j])
			}
			if j == len(line) {
				return nil, errors.New("unterminated double quote")
			}
			i = j
			inWord = true
		case c == '\\':
			if i+1 == len(line) {
				return nil, errors.New("backslash at the end")
			}
			i++
			if line[i] != '\n' { // a backslash-newline joins lines
				w.WriteByte(line[i])
				inWord = true
			}
		case strings.IndexByte("$`;&|<>()\n*?[", c) >= 0,
			(c == '~' || c == '#') && !inWord:
			return nil, fmt.Errorf("unquoted %q at byte %d", c, i)
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// Unquoted returns line without the words and parts of words that quote
// wrote in single quotes, and without the "'" that stands for a quote
// inside them: what is left is the program text around them. Comparing it
// with the program text expected shows whether user data can have left
// its quotes. An unterminated quote keeps the rest of the line.
func Unquoted(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case strings.HasPrefix(line[i:], quotedQuote):
			i += len(quotedQuote) - 1
		case line[i] == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				b.WriteString(line[i:])
				return b.String()
			}
			i += end + 1
		default:
			b.WriteByte(line[i])
		}
	}
	return b.String()
}
