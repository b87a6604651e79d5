export { acceptFor } from './accept';
export { ACTIVITY_STREAM_PATH, type ActivityStreamOptions, handleActivityStream } from './handler';
export { concatFrames, connectedFrame, encodeError, encodeEvent, eventFrames, pingFrame, sseFrame, sseResponseHeaders } from './encoder';
export { nodeHandler, sendResponse, toRequest } from './node';
