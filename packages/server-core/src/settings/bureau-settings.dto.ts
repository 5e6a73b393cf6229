import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { defineResultUnion } from '../common/error-result';

@ObjectType('BureauSettings', { description: "Settings of the caller's bureau" })
export class BureauSettings {
  @Field(() => String, {
    nullable: true,
    description:
      'The public address evaluators reach, e.g. https://pingyi.example.gov.cn; slips and documents print it',
  })
  publicAddress: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The public ballot page at that address (publicAddress/vote), or null when none is set',
  })
  ballotUrl: string | null;
}

@InputType('BureauSettingsInput')
export class BureauSettingsInput {
  @Field(() => String, {
    nullable: true,
    description: 'http(s) address of at most 200 characters; empty or null clears it',
  })
  publicAddress?: string | null;
}

export const UpdateBureauSettingsResult = defineResultUnion('UpdateBureauSettingsResult', BureauSettings, []);
