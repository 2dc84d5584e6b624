package javacompat

import (
	"bufio"
	"fmt"
	"math/rand"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Expected orders were printed by OpenJDK 17 (testdata/HashMapOrder.java).
func TestJavaHashMapOrder(t *testing.T) {
	cases := map[string]struct{ in, want []string }{
		"empty":  {nil, []string{}},
		"single": {[]string{"my-plugin"}, []string{"my-plugin"}},
		"plugins of the reference build": {
			[]string{"kafka-connect-file", "camel-timer", "debezium-postgres", "zeta", "alpha"},
			[]string{"camel-timer", "zeta", "debezium-postgres", "alpha", "kafka-connect-file"},
		},
		"duplicates keep their first place": {
			[]string{"zeta", "alpha", "zeta"},
			[]string{"zeta", "alpha"},
		},
		// Nine keys in bucket 3 of 16 double the table, which splits them
		// and lets x-9 (bucket 5) overtake the source-* keys (bucket 19).
		"collisions resize a small table": {
			[]string{"sink-5", "sink-12", "sink-23", "sink-34", "sink-45", "source-7", "source-20", "source-31", "source-42", "x-9"},
			[]string{"sink-5", "sink-12", "sink-23", "sink-34", "sink-45", "x-9", "source-7", "source-20", "source-31", "source-42"},
		},
		// Eleven keys in bucket 7 of 64 form a tree bin whose root,
		// plugin-127, comes first.
		"tree bin root first": {
			[]string{"plugin-29", "plugin-105", "plugin-127", "plugin-149", "plugin-204", "plugin-226", "plugin-248", "plugin-303", "plugin-325", "plugin-347", "plugin-369", "alpha", "zeta", "camel-timer"},
			[]string{"plugin-127", "plugin-29", "plugin-105", "plugin-149", "plugin-204", "plugin-226", "plugin-248", "plugin-303", "plugin-325", "plugin-347", "plugin-369", "camel-timer", "alpha", "zeta"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, HashOrder(c.in))
		})
	}
}

func TestJavaStringHash(t *testing.T) {
	cases := map[string]struct {
		in   string
		want int32
	}{
		"empty":        {"", 0},
		"a":            {"a", 97},
		"wraps around": {"kafka-connect-file", javaHashOf("kafka-connect-file")},
		"outside BMP":  {"😀", 0xD83D*31 + 0xDE00},
		"MinInt32":     {"polygenelubricants", -2147483648},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, StringHashCode(c.in))
		})
	}
}

// javaHashOf is the textbook formula with int64 arithmetic, truncated.
func javaHashOf(s string) int32 {
	var h int64
	for _, c := range s {
		h = (31*h + int64(c)) & 0xFFFFFFFF
	}
	return int32(uint32(h))
}

// TestJavaHashMapOrderAgainstJDK compares thousands of key lists, many built
// to collide, with a real JDK. It runs only where javac and java exist.
func TestJavaHashMapOrderAgainstJDK(t *testing.T) {
	javac, errC := exec.LookPath("javac")
	java, errJ := exec.LookPath("java")
	if errC != nil || errJ != nil || testing.Short() {
		t.Skip("needs javac and java")
	}
	dir := t.TempDir()
	require.NoError(t, exec.Command(javac, "-d", dir, "testdata/HashMapOrder.java").Run())

	cases := jdkCases(rand.New(rand.NewSource(1)))
	var in strings.Builder
	for _, c := range cases {
		in.WriteString(strings.Join(c, " ") + "\n")
	}
	cmd := exec.Command(java, "-cp", dir, "HashMapOrder")
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	require.NoError(t, err)

	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(nil, 1<<20)
	i := 0
	for ; sc.Scan(); i++ {
		require.Equal(t, sc.Text(), strings.Join(HashOrder(cases[i]), " "), "keys %q", cases[i])
	}
	require.Equal(t, len(cases), i)
}

// jdkCases returns random plugin names, and names chosen to share the low
// bits of their hash so that bins resize, become trees, split and shrink.
func jdkCases(r *rand.Rand) [][]string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_"
	var cases [][]string
	for range 2000 {
		seen := map[string]bool{}
		var names []string
		for n := 1 + r.Intn(120); len(names) < n; {
			b := []byte{alphabet[r.Intn(26)]}
			for l := 1 + r.Intn(20); len(b) < l; {
				b = append(b, alphabet[r.Intn(len(alphabet))])
			}
			if s := string(append(b, alphabet[r.Intn(26)])); !seen[s] {
				seen[s] = true
				names = append(names, s)
			}
		}
		cases = append(cases, names)
	}
	for bucket := uint32(0); bucket < 256; bucket += 5 {
		for _, cluster := range []int{8, 9, 12, 20, 40} {
			var names []string
			for i := 0; len(names) < cluster; i++ {
				if s := fmt.Sprintf("c%d", i); spreadOf(s)&255 == bucket {
					names = append(names, s)
				}
			}
			for i, extra := 0, r.Intn(200); extra > 0; i++ {
				s := fmt.Sprintf("d%d", i)
				if h := spreadOf(s); h&63 == bucket&63 || r.Intn(40) == 0 {
					names = append(names, s)
					extra--
				}
			}
			r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
			cases = append(cases, names)
		}
	}
	return cases
}

func spreadOf(s string) uint32 { return uint32(javaSpread(StringHashCode(s))) }
