// The app's JS initializer (Blazor loads {assembly}.lib.module.js when it starts): things every
// page needs before its circuit is up. The scheduler's slots send their clicks, keys and drops
// as one custom event (schslot), registered here so that a slot works from the first moment.
import { installSlotEvents } from "./js/scheduler.js";

export function afterWebStarted(blazor) {
    installSlotEvents(blazor);
}
