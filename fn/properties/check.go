package properties

import (
	"errors"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Reasons CheckRawValue gives.
var (
	ErrLineBreak    = errors.New("must not contain a line break: a Java properties file would read the rest as a line of its own")
	ErrContinuation = errors.New("must not end in a backslash: a Java properties file would join the next line to it")
	ErrUnicode      = errors.New(`has a \u escape without four hexadecimal digits, which stops Java from reading the file`)
)

// CheckRawValue tells whether value, written as it is after "key=", keeps
// the line it is on and can be read: no line break (Java ends a line at \n
// and at \r), no odd run of backslashes at its end (a line continuation),
// and no malformed \u escape (Java's reader throws). Strimzi prints many
// values so; a value that passes reads back as Strimzi's would.
func CheckRawValue(value string) error {
	if strings.ContainsAny(value, "\r\n") {
		return ErrLineBreak
	}
	for i := 0; i < len(value); i++ {
		if value[i] != '\\' {
			continue
		}
		i++
		switch {
		case i == len(value):
			return ErrContinuation
		case value[i] == 'u' && !hexDigits(value[i+1:], 4):
			return ErrUnicode
		}
	}
	return nil
}

func hexDigits(s string, n int) bool {
	if len(s) < n {
		return false
	}
	for _, c := range []byte(s[:n]) {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return false
		}
	}
	return true
}

// CheckRawValueAt is CheckRawValue as a problem at the field path of the
// value, for validators.
func CheckRawValueAt(path, value string) []results.Problem {
	if err := CheckRawValue(value); err != nil {
		return []results.Problem{{Path: path, Message: err.Error()}}
	}
	return nil
}
