/**
 * States and transitions as data: for each event, the states it may happen in, who may cause it,
 * and where it leads. The journeys of the domain (app/features/practice/journey.ts,
 * app/features/organisers/journey.ts) are tables of this shape; pages offer the events eventsFor
 * returns, and writes ask mayTransition before they change a row.
 */
export interface Transition<State extends string, Role extends string> {
  from: readonly State[];
  to: State;
  by: readonly Role[];
}

export type Machine<State extends string, Event extends string, Role extends string> = Readonly<Record<Event, Transition<State, Role>>>;

/** Whether `role` may cause `event` in `state`. */
export function mayTransition<State extends string, Event extends string, Role extends string>(
  machine: Machine<State, Event, Role>,
  state: State,
  event: Event,
  role: Role,
): boolean {
  const transition = machine[event];
  return transition.from.includes(state) && transition.by.includes(role);
}

/** The state after the event, or null when it may not happen in this state (whoever asks). */
export function nextState<State extends string, Event extends string, Role extends string>(
  machine: Machine<State, Event, Role>,
  state: State,
  event: Event,
): State | null {
  const transition = machine[event];
  return transition.from.includes(state) ? transition.to : null;
}

/** The events `role` may cause in `state`, in the table's order (what a page offers as buttons). */
export function eventsFor<State extends string, Event extends string, Role extends string>(
  machine: Machine<State, Event, Role>,
  state: State,
  role: Role,
): Event[] {
  return (Object.keys(machine) as Event[]).filter((event) => mayTransition(machine, state, event, role));
}
