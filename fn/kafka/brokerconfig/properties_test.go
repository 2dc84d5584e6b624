package brokerconfig

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	props "github.com/strimzi-render/strimzi-render/fn/properties"
)

func TestFormatValue(t *testing.T) {
	cases := map[string]struct {
		value any
		want  string
		err   string
	}{
		"string":                  {value: "a b", want: "a b"},
		"true":                    {value: true, want: "true"},
		"int":                     {value: 3, want: "3"},
		"negative int64":          {value: int64(-7), want: "-7"},
		"uint64 too big":          {value: uint64(math.MaxUint64), err: "18446744073709551615 does not fit a 64-bit integer"},
		"float with no fraction":  {value: 3.0, want: "3"},
		"large integral float":    {value: 1e18, want: "1000000000000000000"},
		"integral float too big":  {value: 1e20, err: "100000000000000000000 does not fit a 64-bit integer"},
		"float from 1e21 on":      {value: 1e21, want: "1.0E21"},
		"half":                    {value: 0.5, want: "0.5"},
		"ratio":                   {value: 0.1, want: "0.1"},
		"fraction":                {value: 123.45, want: "123.45"},
		"below a thousandth":      {value: 0.0001, want: "1.0E-4"},
		"a thousandth":            {value: 0.001, want: "0.001"},
		"just below ten million":  {value: 9999999.5, want: "9999999.5"},
		"ten million and a half":  {value: 10000000.5, want: "1.00000005E7"},
		"smallest double":         {value: 5e-324, want: "4.9E-324"},
		"negative fraction":       {value: -2.5, want: "-2.5"},
		"float32":                 {value: float32(0.25), want: "0.25"},
		"json integer":            {value: json.Number("42"), want: "42"},
		"json decimal":            {value: json.Number("1.50"), want: "1.5"},
		"json integral decimal":   {value: json.Number("2.0"), want: "2"},
		"json integer too big":    {value: json.Number("9223372036854775808"), err: "9223372036854775808 does not fit a 64-bit integer"},
		"json largest long":       {value: json.Number("9223372036854775807"), want: "9223372036854775807"},
		"null":                    {value: nil, err: "a null value is not allowed"},
		"map":                     {value: map[string]any{}, err: "values of type map[string]interface {} are not supported; use a string, number or boolean"},
		"not a number":            {value: math.NaN(), err: "NaN is not a number JSON can hold"},
		"negative zero":           {value: math.Copysign(0, -1), want: "0"},
		"tiny exponent":           {value: 1e-7, want: "1.0E-7"},
		"rounding to two digits":  {value: 1e23, want: "1.0E23"},
		"long fraction":           {value: 0.30000000000000004, want: "0.30000000000000004"},
		"scientific many digits":  {value: 1.2345e-5, want: "1.2345E-5"},
		"plain integer part only": {value: 1234567.25, want: "1234567.25"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := FormatValue(tc.value)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestJavaDouble(t *testing.T) {
	cases := map[float64]string{
		1:       "1.0",
		100:     "100.0",
		1e7:     "1.0E7",
		0:       "0.0",
		-1.5e-9: "-1.5E-9",
		1e-3:    "0.001",
	}
	for f, want := range cases {
		t.Run(want, func(t *testing.T) { assert.Equal(t, want, javaDouble(f)) })
	}
}

func TestPropertiesPairs(t *testing.T) {
	p := newProperties()
	p.put("a key=with:specials\\", "value")
	p.put("lead", " spaced \\ value\nnext\rline")
	p.put("tab", "\tx")
	p.put("a key=with:specials\\", "replaced in place")
	w := props.NewWriter()
	p.writeTo(w)
	assert.Equal(t, `a\ key\=with\:specials\\=replaced in place`+"\n"+
		`lead=\ spaced \\ value\nnext\rline`+"\n"+
		`tab=\`+"\tx\n", w.String())
}
