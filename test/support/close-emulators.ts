import { closeEmulators } from './fixtures';

afterEach(closeEmulators);
