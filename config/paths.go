package config

import (
	"path"
	"strings"
)

// InsidePackage reports whether p, a slash-separated path from a
// package's root, names a place inside the package: relative, clean, not
// climbing out with "..", and free of backslashes, which Windows tools read
// as separators.
func InsidePackage(p string) bool {
	return p != "" && !path.IsAbs(p) && path.Clean(p) == p && p != ".." && !strings.HasPrefix(p, "../") &&
		!strings.ContainsAny(p, "\\\x00") && !(len(p) > 1 && p[1] == ':')
}
