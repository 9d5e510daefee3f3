export {
  COMMAND_ID,
  commandInit,
  deadLetterFor,
  deadLetterInit,
  partnerCommandInit,
  resultInit,
} from './testing/message.fixtures';
export { plausibleVariants } from './testing/plausible-variants';
