// Test fixtures of the messages: for tests, tools and benches, never for app code.
export {
  COMMAND_ID,
  commandInit,
  deadLetterFor,
  deadLetterInit,
  partnerCommandInit,
  resultInit,
} from './testing/message.fixtures';
