package kafka

// Problem is a fault in the user's input, tied to the field that causes it.
// Path uses the custom resource's own field names, such as
// spec.storage.volumes[1].id; Message is Strimzi's text where Strimzi has one.
type Problem struct {
	Path    string
	Message string
}

// Error makes a Problem usable where an error is expected.
func (p Problem) Error() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}
