package quote

import "strings"

// A Part is one piece of a shell command line. The types say where each
// piece comes from: Text is program text written here, Word and Words carry
// user data and are always quoted with ShellWord. A script built only from
// Parts therefore cannot be changed by what a user writes.
type Part interface {
	write(b *strings.Builder)
}

// Text is program text, written as it is. Never convert user data to Text.
type Text string

// Word is one user-supplied argument, written with ShellWord.
type Word string

// Words are user-supplied arguments, each written with ShellWord after a
// single space, so an empty list writes nothing. They suit trailing option
// lists such as Buildah's additional build options.
type Words []string

func (t Text) write(b *strings.Builder) { b.WriteString(string(t)) }

func (w Word) write(b *strings.Builder) { writeShellWord(b, string(w)) }

func (ws Words) write(b *strings.Builder) {
	for _, w := range ws {
		b.WriteByte(' ')
		writeShellWord(b, w)
	}
}

// Line concatenates parts, without separators, into one command line.
func Line(parts ...Part) string {
	var b strings.Builder
	for _, p := range parts {
		p.write(&b)
	}
	return b.String()
}

// Script joins command lines built with Line into a script for bash -c:
// one command per line, no trailing newline.
func Script(lines ...string) string {
	return strings.Join(lines, "\n")
}
