// Package digest holds the one implementation of Strimzi's Util.hashStub and
// the revision and configuration hashes built on it.
package digest
