// Package results builds KRM results that name the resource, the field path
// and the file a problem comes from.
package results
