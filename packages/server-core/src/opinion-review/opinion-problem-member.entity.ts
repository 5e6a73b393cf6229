import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Opinion } from '../appraisal/opinion.entity';
import { OpinionProblem } from './opinion-problem.entity';

/** An opinion merged into a problem; an opinion belongs to one problem at most (primary key). */
@Entity('opinion_problem_member')
@Index(['problemId'])
export class OpinionProblemMember {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  opinionId: string;

  @ManyToOne(() => Opinion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opinion_id' })
  opinion?: Opinion;

  @Column({ type: 'integer' })
  problemId: number;

  @ManyToOne(() => OpinionProblem, (problem) => problem.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem?: OpinionProblem;
}
