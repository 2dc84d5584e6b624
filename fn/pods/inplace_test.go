package pods

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInPlaceResizingAnnotationsFollowParseBoolean(t *testing.T) {
	assert.Empty(t, InPlaceResizingAnnotations(nil))
	assert.Empty(t, InPlaceResizingAnnotations(map[string]string{AnnoInPlaceResizing: "yes", AnnoInPlaceResizingWaitForDeferred: "false"}))
	assert.Equal(t,
		map[string]string{AnnoInPlaceResizing: "true", AnnoInPlaceResizingWaitForDeferred: "true"},
		InPlaceResizingAnnotations(map[string]string{AnnoInPlaceResizing: "TRUE", AnnoInPlaceResizingWaitForDeferred: "true"}))
}
