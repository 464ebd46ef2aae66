import { describe, expect, it } from 'vitest';
import { arnTemplateToGlob, canGlobsIntersect, canResourcePatternsIntersect, expandActionPattern, isGlobCoveredBy, isResourcePatternCoveredBy, matchesActionPattern, matchesResourcePattern } from './wildcard';

describe('IAM glob matching', () => {
  it.each([
    ['bedrock:*', 'bedrock:InvokeModel', true],
    ['bedrock:invoke*', 'bedrock:InvokeModel', true],
    ['BEDROCK:INVOKEMODEL', 'bedrock:InvokeModel', true],
    ['b?drock:InvokeModel', 'bedrock:InvokeModel', true],
    ['bedrock:InvokeModel?', 'bedrock:InvokeModel', false],
    ['bedrock:*Model*', 'bedrock:CreateModelCustomizationJob', true],
    ['bedrock:Get*', 'bedrock:InvokeModel', false],
    ['*', 'sts:AssumeRole', true],
  ])('action pattern %s vs %s -> %s', (pattern, action, expected) => {
    expect(matchesActionPattern(pattern, action)).toBe(expected);
  });

  it.each([
    ['arn:aws:bedrock:*::foundation-model/*', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude', true],
    ['arn:aws:bedrock:*::foundation-model/Anthropic.*', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude', false],
    ['arn:aws:bedrock:us-east-?::foundation-model/*', 'arn:aws:bedrock:us-east-2::foundation-model/x', true],
    ['arn:aws:bedrock:*', 'arn:aws:bedrock:us-east-1:111122223333:agent/A', true],
    ['arn:aws:bedrock:*', '*', false],
    ['*', '*', true],
    // A wildcard stays inside its ARN segment.
    ['arn:aws:bedrock:us-*', 'arn:aws:bedrock:us-east-1:111122223333:agent/A', true],
    ['arn:aws:*:foundation-model/*', 'arn:aws:bedrock:us-east-1::foundation-model/x', false],
  ])('resource pattern %s vs %s -> %s', (pattern, arn, expected) => {
    expect(matchesResourcePattern(pattern, arn)).toBe(expected);
  });

  it('decides whether two globs can match a common string', () => {
    expect(canGlobsIntersect('a*c', '*b*')).toBe(true);
    expect(canGlobsIntersect('a*', 'b*')).toBe(false);
    expect(canGlobsIntersect('a?c', 'abc')).toBe(true);
    expect(canGlobsIntersect('a?c', 'ac')).toBe(false);
  });

  it('decides coverage soundly', () => {
    expect(isGlobCoveredBy('anthropic.*', '*')).toBe(true);
    expect(isGlobCoveredBy('anthropic.claude*', 'anthropic.*')).toBe(true);
    expect(isGlobCoveredBy('anthropic.*', 'anthropic.claude*')).toBe(false);
    expect(isGlobCoveredBy('a*c', 'a?c')).toBe(false);
  });

  it('compares ARN patterns with resource-type templates segment by segment', () => {
    const foundationModel = arnTemplateToGlob('arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}');
    expect(foundationModel).toBe('arn:*:bedrock:*::foundation-model/*');
    expect(canResourcePatternsIntersect('arn:aws:s3:::bucket/*', foundationModel)).toBe(false);
    expect(canResourcePatternsIntersect('arn:aws:bedrock:*', foundationModel)).toBe(true);
    expect(canResourcePatternsIntersect('arn:aws:bedrock:*:111122223333:*', foundationModel)).toBe(false);
    expect(isResourcePatternCoveredBy('arn:aws:bedrock:us-east-1::foundation-model/a*', 'arn:aws:bedrock:*::foundation-model/*')).toBe(true);
  });

  it('expands action patterns against a catalogue', () => {
    const catalogue = { actions: [{ name: 'bedrock:InvokeModel' }, { name: 'bedrock:GetFoundationModel' }, { name: 'iam:PassRole' }] };
    expect(expandActionPattern('bedrock:*', catalogue)).toEqual([0, 1]);
    expect(expandActionPattern('*', catalogue)).toEqual([0, 1, 2]);
    expect(expandActionPattern('bedrock:*Model*', catalogue)).toEqual([0, 1]);
    expect(expandActionPattern('b?drock:Invoke*', catalogue)).toEqual([0]);
    expect(expandActionPattern('IAM:passrole', catalogue)).toEqual([2]);
  });
});
