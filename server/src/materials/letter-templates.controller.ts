import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { PROVINCES } from '@beian/shared';
import type { FastifyReply } from 'fastify';
import { AppException } from '../platform/errors/app-exception';
import { Public } from '../platform/http/public-route';
import { textPdf, type PdfLine } from './letter-template.pdf';

const BLANK = '＿'.repeat(16);

/** The letters a filing may ask for, to print, fill in by hand, sign and photograph. */
const LETTERS: Readonly<Record<string, (province: string) => PdfLine[]>> = {
  commitment_letter: (province) => [
    { text: `互联网信息服务备案承诺书（${province}）`, title: true },
    { text: `${province}通信管理局：` },
    {
      text: '本单位（本人）郑重承诺：所提交的备案信息和材料真实、准确、完整；遵守《互联网信息服务管理办法》《非经营性互联网信息服务备案管理办法》等法律法规，不利用网站或APP制作、复制、发布、传播法律法规禁止的信息；备案信息发生变化时及时办理变更；如有违反，愿意承担由此产生的一切法律责任。',
    },
    { text: `主办者名称：${BLANK}` },
    { text: `主办者证件号码：${BLANK}` },
    { text: `网站名称或APP名称：${BLANK}` },
    { text: `网站域名：${BLANK}` },
    { text: `负责人姓名：${BLANK}` },
    { text: `负责人签字（单位加盖公章）：${BLANK}` },
    { text: '日期：　　　　年　　月　　日' },
    { text: '填写说明：请用黑色签字笔手写填写并签字，整页拍照上传；签署日期须在提交备案前3个月内。' },
  ],
  authorization_letter: (province) => [
    { text: `授权书（${province}）`, title: true },
    {
      text: `兹授权${BLANK}（被授权人，身份证号码${BLANK}）作为本单位网站/APP负责人，代表本单位办理互联网信息服务备案相关事宜，并对所提交的信息真实性负责。`,
    },
    { text: `授权单位名称：${BLANK}` },
    { text: `法定代表人签字：${BLANK}` },
    { text: `被授权人签字：${BLANK}` },
    { text: '单位盖章：' },
    { text: '日期：　　　　年　　月　　日' },
    { text: '填写说明：请手写填写并签字盖章，整页拍照上传；签署日期须在提交备案前3个月内。' },
  ],
};

/** Letter templates as PDFs (no personal data: public, so a browser tab or the WeChat document viewer can open them). */
@ApiTags('materials')
@Controller('letter-templates')
export class LetterTemplatesController {
  @Public()
  @Get(':kind')
  @ApiProduces('application/pdf')
  template(@Param('kind') kind: string, @Query('province') code: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const letter = LETTERS[kind];
    const province = PROVINCES.find((entry) => entry.code === code?.slice(0, 2));
    if (!letter || !province) throw new AppException('NOT_FOUND');
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${kind}-${province.code}.pdf"`)
      .header('cache-control', 'public, max-age=86400');
    return textPdf(letter(province.name));
  }
}
