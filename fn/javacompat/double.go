package javacompat

import (
	"math"
	"strconv"
	"strings"
)

// Double is Double.toString of Java 19 and later: the shortest decimal
// that reads back as f (two digits at least when one would do, choosing the
// closer), plain between 1e-3 and 1e7, else computerized scientific notation
// such as 1.0E7 or 4.9E-324.
func Double(f float64) string {
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	digits, exp := decimalDigits(strconv.FormatFloat(f, 'e', -1, 64))
	if len(digits) == 1 {
		digits, exp = decimalDigits(strconv.FormatFloat(f, 'e', 1, 64))
		digits = strings.TrimRight(digits, "0")
		if digits == "" {
			digits = "0"
		}
	}
	// The value is 0.d1d2d3... × 10^(exp+1).
	if f >= 1e-3 && f < 1e7 {
		point := exp + 1
		var intPart, frac string
		switch {
		case point <= 0:
			intPart, frac = "0", strings.Repeat("0", -point)+digits
		case point >= len(digits):
			intPart, frac = digits+strings.Repeat("0", point-len(digits)), "0"
		default:
			intPart, frac = digits[:point], digits[point:]
		}
		return sign + intPart + "." + frac
	}
	frac := digits[1:]
	if frac == "" {
		frac = "0"
	}
	return sign + digits[:1] + "." + frac + "E" + strconv.Itoa(exp)
}

// decimalDigits splits Go's d.dddde±x into its significant digits, trailing
// zeros removed, and the exponent of the first digit.
func decimalDigits(s string) (string, int) {
	mant, expText, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	if t := strings.TrimRight(digits, "0"); t != "" {
		digits = t
	}
	return digits, exp
}
