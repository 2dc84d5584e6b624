// Package jaas writes the values of a JAAS login module configuration
// (sasl.jaas.config) as Kafka's JaasConfig reads them.
package jaas

import (
	"errors"
	"strings"
)

// ErrUnquotable is why CheckQuotable refuses a value.
var ErrUnquotable = errors.New(`must not contain a double quote, a backslash or a control character: ` +
	`Strimzi writes it between double quotes in sasl.jaas.config, where it would end the value or escape the next character`)

// CheckQuotable tells whether value can go between double quotes as Strimzi
// puts it there, unescaped, and still read back as itself.
func CheckQuotable(value string) error {
	if strings.ContainsFunc(value, func(r rune) bool { return r == '"' || r == '\\' || r < ' ' || r == 0x7f }) {
		return ErrUnquotable
	}
	return nil
}

// Quote is value as a double-quoted JAAS option value. Kafka's JaasConfig
// reads quoted values with Java's StreamTokenizer, which ends them at a
// double quote or a line break and reads C-style escapes; a value
// CheckQuotable accepts is written as Strimzi writes it, any other with
// those characters escaped, so it cannot end its quotes.
func Quote(value string) string {
	if CheckQuotable(value) == nil {
		return `"` + value + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range value {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < ' ' || r == 0x7f {
				// StreamTokenizer reads up to three octal digits after a backslash.
				b.WriteString(`\` + string(rune('0'+r>>6)) + string(rune('0'+(r>>3)&7)) + string(rune('0'+r&7)))
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
