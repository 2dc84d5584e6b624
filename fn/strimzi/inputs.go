package strimzi

// ConfigMaps looks up the data of a ConfigMap among the input resources.
// Strimzi reads some configuration (external logging, metrics exporter
// rules) from ConfigMaps in the cluster; offline they must be inputs.
type ConfigMaps func(namespace, name string) (map[string]string, bool)

// Key returns one key of a ConfigMap among the inputs.
func (c ConfigMaps) Key(namespace, name, key string) (string, bool) {
	if c == nil {
		return "", false
	}
	data, ok := c(namespace, name)
	if !ok {
		return "", false
	}
	v, ok := data[key]
	return v, ok
}
