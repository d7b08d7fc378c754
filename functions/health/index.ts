/**
 * health: answers 200 with the service's name and time, so a caller (or a monitor) can check
 * that the functions runtime is up and that its key is accepted (verify_jwt is on).
 */
import { handleHealth } from './handler.ts';

Deno.serve(handleHealth);
