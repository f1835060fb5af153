/**
 * The walk through every role (tests/support/walk.ts), share 1 of 2: the two files run in
 * parallel.
 */
import { describeWalk } from "../support/walk";

describeWalk(0, 2);
