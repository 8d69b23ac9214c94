import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'typebox';
import { Caller, SCOPES, type CallerIdentity, type Scope } from '#runtime';

const WhoamiDto = Type.Object({
  name: Type.String({ description: "The key's name" }),
  scopes: Type.Array(Type.String(), { description: 'The scopes the key holds' }),
  grants: Type.Array(Type.String(), { description: 'What it may do: admin grants every scope' }),
});

interface Whoami extends CallerIdentity {
  grants: Scope[];
}

/** Lets a client (the desk) show who is signed in and hide what the key may not do. */
@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/whoami')
export class WhoamiController {
  @Get()
  @ApiOperation({ summary: 'The API key the request came with: its name and scopes' })
  @ApiOkResponse({ schema: WhoamiDto as object })
  whoami(@Caller() caller: CallerIdentity): Whoami {
    const grants = caller.scopes.includes('admin') ? [...SCOPES] : SCOPES.filter((scope) => caller.scopes.includes(scope));
    return { ...caller, grants };
  }
}
