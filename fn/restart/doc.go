// Package restart tells which bare Pods of the Pod form must be recreated
// to take a change, by comparing them with the Pods an earlier run rendered.
// The API server updates only a few fields of a running Pod (images among
// them) and a running broker or worker does not reload its configuration;
// nothing else recreates a bare Pod.
package restart
