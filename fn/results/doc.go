// Package results holds Problem, what a check finds at a field path, and
// builds the KRM results that name the resource, the field path and the file
// a problem comes from.
package results
