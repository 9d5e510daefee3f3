export { type SimCall } from './call-log';
export { startCapillarySim, type CapillarySim, type CapillarySimOptions } from './capillary-sim';
export { CONTROL_ENDPOINTS } from './control-handler';
export { FAMILY1, FAMILY2, LOU } from './demo-org';
export { DEMO_PARTNER_PROGRAM, DEMO_PROGRAM_ID, DEMO_SECOND_PROGRAM_ID, demoSeed } from './demo-seed';
export { FLEET_PROGRAM_ID, fleetGroupId, fleetGroupOfMember, fleetMemberId, fleetSeed } from './fleet-seed';
export { type SimAuth } from './sim-context';
export { SimControl, SimControlError, type ActivityInput } from './sim-control';
export { humanDate } from './sim-dates';
export { SIM_INVALID_INPUT } from './sim-error';
export {
  type EndpointFaults,
  type LostAnswer,
  type SimBehaviour,
  type SimEndpoint,
  type SimFaults,
} from './sim-faults';
export {
  type SimCustomer,
  type SimGroup,
  type SimGroupMember,
  type SimPartnerLink,
  type SimPartnerProgram,
  type SimProgram,
  type SimSeed,
  type SimTierDef,
  type SimTierState,
} from './sim.types';
export { type TiersMode, type WebhookEvent } from './webhook-payloads';
export { type WebhookDelivery, type WebhookFaults, type WebhookTarget } from './webhook.types';
