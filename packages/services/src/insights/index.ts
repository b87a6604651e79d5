// The insights barrel: re-export this folder's public functions here.
