// The Simplified Chinese catalogue (--lang zh): one entry per MsgId, in any order, with the
// same {name} placeholders as the English text in messages.cpp. Terms follow Chinese
// deep-learning courses: 转置卷积, 卷积核, 步幅, 填充, 输出填充, 膨胀.
#include "text/messages_zh.h"

#include <string_view>

namespace convt::detail {
namespace {

constexpr ZhEntry kZhCatalogue[] = {
    {MsgId::kTitleFormula, "输出尺寸"},
    {MsgId::kTitleKernel, "卷积核 w"},
    {MsgId::kTitleInput, "输入 x"},
    {MsgId::kTitleConvMatrix, "写成矩阵 C 的正向卷积"},
    {MsgId::kTitleTransposedMatrix, "转置矩阵 C^T"},
    {MsgId::kTitleMatrixOutput, "C^T 乘以展平的输入"},
    {MsgId::kTitleScatterStamps, "印章：每个输入元素自己的一份卷积核"},
    {MsgId::kTitleScatterOutput, "散射：每个输入元素印下一份卷积核"},
    {MsgId::kTitleZeroInserted, "在输入元素之间插入零"},
    {MsgId::kTitlePaddedInput, "插零后的输入，再加填充"},
    {MsgId::kTitleFlippedKernel, "旋转 180 度的卷积核"},
    {MsgId::kTitleDilatedKernel, "翻转后的卷积核，再做膨胀"},
    {MsgId::kTitleDirectOutput, "用翻转的卷积核直接做卷积"},
    {MsgId::kTitleOutput, "裁剪得到输出"},
    {MsgId::kTitleCheck, "校验"},

    {MsgId::kExplainFormula,
     "每个输入元素把卷积核铺到一块 $k$ 宽的区域上，相邻区域的起点相隔 $s$，所以未裁剪的结果宽 "
     "$F = (n-1)s + k$。对应的正向卷积中的填充 $p$，在这里通过从两端各去掉 $p$ 个元素来抵消，剩下 "
     "$m = F - 2p$。"},
    {MsgId::kExplainFormulaGeneral,
     "每个输入元素把卷积核铺到一块 $d(k-1)+1$ 宽的区域上（$d$ 为膨胀率），相邻区域的起点相隔 $s$，"
     "所以未裁剪的结果宽 $F = (n-1)s + d(k-1) + 1$。裁剪时在开头去掉 $p$ 个元素，在末尾去掉 "
     "$p - output_padding$ 个。当 $d = 1$ 且 $output_padding = 0$ 时，这就是 Dumoulin 与 Visin 在"
     "《A guide to convolution arithmetic for deep learning》（2016）中给出的 "
     "$m = (n-1)s - 2p + k$。"},
    {MsgId::kExplainStrideAmbiguity,
     "为什么形状不一定能还原{axis}：k={k}、s={s}、p={p}{dilation} 的正向卷积会把从 {m} 到 "
     "{m_last} 的每个输入尺寸都映射为 {n}，因为除以步幅时余数被舍去了。不加 output_padding 时，"
     "转置卷积返回其中最小的 $m = {m}$；$output_padding = j$ 则得到 $m + j$。"},
    {MsgId::kExplainKernel,
     "该层的权重，{shape}，按行优先排列{default}。PyTorch "
     "就是这样存储它们的；此时还没有任何翻转。"},
    {MsgId::kExplainInput, "输入特征图，{shape}，按行优先排列{default}。"},
    {MsgId::kExplainConvMatrix,
     "转置卷积是通过一个普通卷积来定义的：使用相同的卷积核、步幅 $s$、不加填充，把 F 网格缩小到输入"
     "尺寸的那个卷积。把这个卷积写成矩阵就是 $C$：每个输入元素对应一行，每个 F 网格元素对应一列，"
     "第 $(a,b)$ 行放着卷积核，其左上角位于 $(a*s, b*s)$，相邻卷积核元素相隔 $d$。"},
    {MsgId::kExplainTransposedMatrix,
     "转置卷积乘的是 C^T：每个输入元素沿着它在正向卷积中的连接被送回去。这还原的是形状而不是数值："
     "C^T 并不是 $C$ 的逆矩阵。"},
    {MsgId::kExplainMatrixOutput,
     "用 C^T 乘以按行优先展平的输入（{count} 个值），再把 {full_count} 个结果折回 F "
     "网格，{shape}。"},
    {MsgId::kExplainScatterStamps,
     "逐个输入元素地看散射：输入元素 (a,b) 用它的值 x(a,b) 乘以整个卷积核，把这份拷贝写进它自己的 "
     "F 网格（{shape}），左上角位于 (a*s, b*s)，卷积核元素相隔 d；其余元素保持为 "
     "0。把这些印章逐个元素"
     "相加，就得到散射的 F 网格。"},
    {MsgId::kExplainScatterOutput,
     "不用任何矩阵也能得到同样的 F 网格：每个输入元素 $x(a,b)$ 乘以整个卷积核，再以 $(a*s, b*s)$ "
     "为左上角、卷积核元素相隔 $d$ 加到网格中。印记重叠的地方，数值相加。"},
    {MsgId::kExplainZeroInserted,
     "第三条路线是一个普通卷积。先在相邻的输入元素之间插入 $s-1 = {gap}$ 个零，使它们像在 F "
     "网格中一样相隔 $s$：{shape}。"},
    {MsgId::kExplainZeroInsertedStrideOne,
     "第三条路线是一个普通卷积。步幅为 1 时输入元素之间不插入零，所以这个网格就是输入本身。"},
    {MsgId::kExplainPaddedInput,
     "在每一边补上 $d(k-1) = {pad}$ "
     "个零，让卷积核可以伸出输入边缘，直到只剩一个卷积核元素与输入重叠："
     "正向卷积的每一种部分重叠都得到自己的输出元素。结果：{shape}。"},
    {MsgId::kExplainFlippedKernel,
     "在 C^T 中，距某个输入元素偏移 $u$ 的 F 网格元素得到 "
     "$w[u]$。从输出元素看，它左边的输入元素遇到的是"
     "卷积核的远端，所以滑动窗口必须在每个轴上把卷积核倒过来：即旋转 180 度。"},
    {MsgId::kExplainDilatedKernel,
     "膨胀率 $d = {d}$ 时，翻转后卷积核的元素相隔 $d$：相邻元素之间插入 $d-1$ 个零，得到 "
     "{shape}。"},
    {MsgId::kExplainDirectOutput,
     "让翻转的卷积核以步幅 1、无填充在填充后的输入上滑动；每个位置给出 F 网格的一个元素，{shape}。"
     "每个元素都与矩阵路线相等。"},
    {MsgId::kExplainOutputCrop,
     "填充 $p$ 在正向卷积的输入周围加了 $p$ 层，所以转置卷积要从 F 网格中去掉它们：每个轴开头去掉 "
     "{start} 个元素，末尾去掉 {end} 个，剩下 {shape}。"},
    {MsgId::kExplainOutputNoCrop,
     "$p = 0$ 时正向卷积没有加填充，所以什么也不裁剪：输出就是 F 网格本身，{shape}。"},
    {MsgId::kExplainOutputNoCropPadded,
     "$p = 0$ 时正向卷积没有加填充，所以不从 F 网格中裁剪任何元素。"},
    {MsgId::kExplainOutputPaddingKept,
     "$output_padding = {op}${axis} 在轴的末尾多保留 {count} 个计算出的元素（标记为 {mark}）："
     "它们是真实的求和结果，而不是在输出外补的零。"},
    {MsgId::kExplainOutputPaddingAdded,
     "$output_padding = {op}${axis} 大于 $p = {p}$，所以输出超出 F 网格 {extra} "
     "个元素；没有输入能到达"
     "那里，它们是零（标记为 {mark}）。"},
    {MsgId::kExplainCheck,
     "三条独立的路线必须给出相同的数值：C^T "
     "乘以输入、卷积核印记的散射、以及用翻转卷积核的直接卷积。"},
    {MsgId::kExplainLayerChannels,
     "该层有 {in} 个输入通道和 {out} 个输出通道，分为 {groups} 组：每个输出通道对本组的 {per_in} "
     "个输入通道求和。"},
    {MsgId::kExplainLayerParams,
     "权重张量的形状为 [{shape}] = [in, out/groups, {k}]：{weights} 个权重，加上 {out} 个偏置值，"
     "共 {total} 个参数。"},
    {MsgId::kExplainLayerParamsNoBias,
     "权重张量的形状为 [{shape}] = [in, out/groups, {k}]：{weights} "
     "个参数，没有偏置（bias=False）。"},
    {MsgId::kExplainLayerTransposeOf,
     "该层是 {conv} 的转置：权重张量相同，Conv{dims}d 把它读作 [out, in/groups, {k}]，"
     "它自己的 out_channels 是 {in}，in_channels 是 {out}。"},
    {MsgId::kExplainLayerDepthSlices,
     "下面每个三维网格都按深度切片 z = 0, 1, ... 显示（每片为行 x 列）。"},
    {MsgId::kExplainLayerKernel,
     "权重按 [in, out/groups, {k}] = [{shape}] 存储{default}。切片 w[c][j] 把输入通道 c "
     "连到输出通道 "
     "g*(out/groups) + j，其中 g 是 c 所在的组。Conv{dims}d 的权重按相反的顺序存储，"
     "[out, in/groups, {k}]：输出通道在前。"},
    {MsgId::kExplainLayerInput,
     "输入的形状为 [{shape}] = [in, {n}]：每个输入通道一个网格{default}。"},
    {MsgId::kExplainLayerConvMatrix,
     "C 有 in * prod(n) = {rows} 行、out * prod(F) = {cols} 列，按通道优先排列：行 {row_label} "
     "是输入通道 c 的输入元素 {cell}，列 {col_label} 是输出通道 o 的 F 网格元素 {cell_out}。"
     "输入通道 c 的行与输出通道 o 的列相交的块，就是它们那片权重的单通道 C。"},
    {MsgId::kExplainLayerBlockDiagonal,
     "分为 {groups} 组时，连接不同组通道的块都是零：C 是块对角矩阵，有 {groups} 个对角块，"
     "每块含 {per_in} x {per_out} 个通道对。"},
    {MsgId::kExplainLayerOneGroup,
     "只有一组时，每个输入通道都连到每个输出通道，所以没有全零的块。"},
    {MsgId::kExplainLayerMatrixOutput,
     "C^T x 给出 out * prod(F) = {count} 个数：每个输出通道一个 {full} 的 F 网格，"
     "是本组 {per_in} 个输入通道的和。"},
    {MsgId::kExplainLayerScatter,
     "通道 c 的每个输入元素把 x 乘以 w[c][j] 印到输出通道 g*(out/groups) + j 上，"
     "对 c 所在组 g 的每个输出通道都如此，本组所有输入通道的印记相加。"
     "（逐个印记只对单通道层显示。）"},
    {MsgId::kExplainLayerEachChannel, "每个输入通道都同样处理。"},
    {MsgId::kExplainLayerFlipped,
     "等价的步幅为 1 的卷积把权重读作 W'，形状为 [out, in/groups, {k}] = [{shape}]："
     "在每组内交换两个通道轴，W'[o][j] 来自 w[g*(in/groups) + j][o - g*(out/groups)]，"
     "并且每片卷积核都{turned}。因此 conv_transpose(x, w) = conv(pad(zero_insert(x)), W')，"
     "groups = {groups}。"},
    {MsgId::kExplainLayerDirect,
     "让 W'[o][j] 在填充后的输入通道 g*(in/groups) + j 上滑动并对 j 求和，"
     "步幅为 1、无填充，得到输出通道 o 的 F 网格，{full}。"},
    {MsgId::kExplainLayerBias,
     "然后在裁剪之后加上偏置：输出通道 o 的每个元素加 b[o]，其中 b = ({values})。"},
    {MsgId::kExplainLayerBiasAdded,
     "output_padding 添加的元素也加上偏置：它们的值是 b[o]，而不是 0。"},
    {MsgId::kExplainLayerOverlap,
     "这些计数针对一个通道对；一个输出通道对本组 {per_in} 个输入通道的计数求和。"},
    {MsgId::kCheckLayerAdjoint,
     "伴随恒等式 $<C u, x> = <u, C^T x>$，其中测试向量 $u[j] = (5j mod 11) - 5$，"
     "$j$ 为所有输出通道 F 网格元素的序号（通道优先）：${left} = {right}$"},
    {MsgId::kCheckLayerPassed, "通过：每条路线都给出形状为 [{shape}] 的相同输出。"},

    {MsgId::kCheckShape, "输出形状 {shape} 等于公式给出的 {formula}"},
    {MsgId::kCheckMatrixScatter, "矩阵路线与散射路线在 {cells} 个元素中有 {equal} 个相等"},
    {MsgId::kCheckMatrixDirect, "矩阵路线与直接路线在 {cells} 个元素中有 {equal} 个相等"},
    {MsgId::kCheckAdjoint,
     "伴随恒等式 $<C u, x> = <u, C^T x>$，其中测试向量 $u[j] = (5j mod 11) - 5$，"
     "$j$ 为按行优先排列的 F 网格元素序号：${left} = {right}$"},
    {MsgId::kCheckAdjoint1d,
     "伴随恒等式 $<C u, x> = <u, C^T x>$，其中测试向量 $u[j] = (5j mod 11) - 5$，"
     "$j$ 为 F 网格元素的序号：${left} = {right}$"},
    {MsgId::kCheckPassed, "通过：每条路线都给出相同的 {shape} 输出。"},
    {MsgId::kCheckFailed, "失败：各路线结果不一致（见上文）。"},
    {MsgId::kCheckOk, "一致"},
    {MsgId::kCheckMismatch, "不一致"},
    {MsgId::kCheckSymbolicScatter,
     "矩阵路线与散射路线在 {cells} 个元素中有 {equal} 个写出相同的和式"},
    {MsgId::kCheckSymbolicDirect,
     "矩阵路线与直接路线在 {cells} 个元素中有 {equal} 个写出相同的和式"},
    {MsgId::kExplainSymbolic,
     "符号：{w}…… 是卷积核的各个权重，{x}…… 是输入的各个元素，下标依次为行号和列号。"
     "每个计算所得的元素写成乘积 x*w 之和，先按输入元素、再按卷积核元素排序，因此各条路线写出相同的"
     "和式；数值由卷积核与输入的取值算出。"},
    {MsgId::kExplainSymbolic1d,
     "符号：{w}…… 是卷积核的各个权重，{x}…… 是输入的各个元素，下标为位置。"
     "每个计算所得的元素写成乘积 x*w 之和，先按输入元素、再按卷积核元素排序，因此各条路线写出相同的"
     "和式；数值由卷积核与输入的取值算出。"},
    {MsgId::kTitleFlippedKernel1d, "反转的卷积核"},
    {MsgId::kExplainConvMatrix1d,
     "转置卷积是通过一个普通卷积来定义的：使用相同的卷积核、步幅 $s$、不加填充，把 F 网格缩小到输入"
     "尺寸的那个卷积。把这个卷积写成矩阵就是 $C$：每个输入元素对应一行，每个 F 网格元素对应一列，"
     "第 $a$ 行放着卷积核，从第 $a*s$ 列开始，相邻卷积核元素相隔 $d$。"},
    {MsgId::kExplainScatterStamps1d,
     "逐个输入元素地看散射：输入元素 $a$ 用它的值 $x(a)$ 乘以整个卷积核，把这份拷贝写进它自己的 F "
     "网格（{shape}），从位置 $a*s$ 开始，卷积核元素相隔 $d$；其余元素保持为 "
     "0。把这些印章逐个元素相加，"
     "就得到散射的 F 网格。"},
    {MsgId::kExplainScatterOutput1d,
     "不用任何矩阵也能得到同样的 F 网格：每个输入元素 $x[a]$ 乘以整个卷积核，再从位置 $a*s$ 开始、"
     "卷积核元素相隔 $d$ 加到网格中。印记重叠的地方，数值相加。"},
    {MsgId::kExplainFlippedKernel1d,
     "在 C^T 中，距某个输入元素偏移 $u$ 的 F 网格元素得到 "
     "$w[u]$。从输出元素看，它左边的输入元素遇到的是"
     "卷积核的远端，所以滑动窗口必须把卷积核的顺序倒过来。"},
    {MsgId::kExplainOutputCrop1d,
     "填充 $p$ 在正向卷积的输入两端各加了 $p$ 个元素，所以转置卷积要从 F 网格中去掉它们：开头去掉 "
     "{start} 个元素，末尾去掉 {end} 个，剩下 {shape}。"},
    {MsgId::kExplainKernel1d,
     "该层的 {count} 个权重，按顺序排列{default}。PyTorch "
     "就是这样存储它们的；此时还没有任何反转。"},
    {MsgId::kExplainInput1d, "输入，共 {count} 个值，按顺序排列{default}。"},
    {MsgId::kExplainMatrixOutput1d, "用 C^T 乘以输入（{count} 个值）：乘积就是 F 网格，{shape}。"},
    {MsgId::kCheckShape1d, "输出尺寸 {shape} 等于公式给出的 $m = {formula}$"},
    {MsgId::kCheckPassed1d, "通过：每条路线都给出相同的 {shape}。"},
    {MsgId::kNoteSymbolicList,
     "和式太宽，无法在此宽度下排成网格，因此逐个列出每个元素：{form} = 和式"},

    {MsgId::kLegendMatrixZero, "{mark} = 0，没有卷积核元素连接这一行和这一列"},
    {MsgId::kLegendStrideZero, "{mark} = 步幅插入的 0"},
    {MsgId::kLegendPaddingZero, "{mark} = $d(k-1)$ 填充的 0"},
    {MsgId::kLegendDilationZero, "{mark} = 膨胀后卷积核元素之间的 0"},
    {MsgId::kLegendCropped, "{mark} = 被裁剪去掉"},
    {MsgId::kLegendKeptByOutputPadding, "{mark} = 计算所得，因 output_padding 而保留"},
    {MsgId::kLegendAddedZero, "{mark} = output_padding 在 F 网格之外补的 0"},
    {MsgId::kNoteElidedColumns,
     "第 {first} 到 {last} 列未显示（共 {total} 列，省略 {hidden} 列）；--full 可全部打印"},
    {MsgId::kNoteElidedRows,
     "第 {first} 到 {last} 行未显示（共 {total} 行，省略 {hidden} 行）；--full 可全部打印"},
    {MsgId::kNoteStampsHidden, "还有 {count} 个印章未显示；--full 显示全部"},
    {MsgId::kNoteStampHidden, "还有 1 个印章未显示；--full 显示全部"},
    {MsgId::kNoteSlicesHidden, "还有 {count} 个切片未显示；--full 显示全部"},
    {MsgId::kNoteSliceHidden, "还有 1 个切片未显示；--full 显示全部"},
    {MsgId::kNoteOverMaxCells,
     "此网格有 {count} 个元素，超过 --max-cells {max_cells}，因此按宽度截断；调大 --max-cells "
     "可完整显示"},
    {MsgId::kNoteFullGrid, "裁剪前的 F 网格（{shape}）："},
    {MsgId::kNoteOutputGrid, "裁剪后的输出（{shape}）："},
    {MsgId::kLegend, "图例：{items}"},
    {MsgId::kHeading, "转置卷积（{module}）：{params}"},
    {MsgId::kAxisRows, "行"},
    {MsgId::kAxisCols, "列"},

    {MsgId::kErrWholeNumber, "{option}: {what}必须是 >= {min} 的整数，实际为 '{value}'"},
    {MsgId::kErrTooLarge, "{option}: {what}最大为 2147483647，实际为 '{value}'"},
    {MsgId::kErrAxisCount,
     "{option}: 应为一个数、行x列 形式（如 3x2），或在 --dims 3 下为 深度x行x列 形式（如 3x2x2），"
     "实际为 '{value}'"},
    {MsgId::kErrAxisCountOneDim, "{option}: --dims 1 只接受一个数，实际为 '{value}'"},
    {MsgId::kErrAxisCountThreeDim,
     "{option}: --dims 3 只接受一个数或 深度x行x列 形式（如 3x2x2），实际为 '{value}'"},
    {MsgId::kErrNotNumber, "{option}: 第 {index} 个值 '{token}' 不是数"},
    {MsgId::kErrNotFinite, "{option}: 第 {index} 个值 '{token}' 不是有限数（不接受 NaN 和无穷大）"},
    {MsgId::kErrEmptyList, "{option}: 没有给出任何值"},
    {MsgId::kErrValueCount, "{option}: 需要 {expected} 个值（{shape}），实际为 {got} 个"},
    {MsgId::kErrNoOutput,
     "--p: 填充 {p}{axis} 使输出为空：m = {equation} = {m} < 1；这里可用的最大填充是 {largest}"},
    {MsgId::kErrOutputPadding,
     "--op: 输出填充 {op}{axis} 必须小于 max(步幅, 膨胀率) = {limit}：它只在正向卷积都映射回 "
     "n = {n} 的那些输出尺寸中做选择"},
    {MsgId::kErrOverflow, "{option}: 尺寸太大：{what} 超出 64 位范围"},
    {MsgId::kErrValuesTooLarge, "--kernel/--input: 数值太大：乘积之和会超出 double 的范围"},
    {MsgId::kErrTooManyEntries,
     "{option}: 阶段 '{stage}' 将有 {count} 个元素，超过上限 {limit}（{factor} x --max-cells "
     "{max_cells}）；请用更小的尺寸或调高 --max-cells"},
    {MsgId::kErrAxesMismatch, "--dims: {dims} 个轴的每个尺寸需要 {dims} 个值，实际为 {count} 个"},
    {MsgId::kErrOutOfRange,
     "{option}: 第 {index} 个值 '{token}' 超出 double 的范围（约 1e-308 到 1e308）"},
    {MsgId::kErrDims, "--dims: 必须是 1、2 或 3，实际为 '{value}'"},
    {MsgId::kErrChannelCount, "{option}: 必须是 1 到 {limit} 之间的整数，实际为 {value}"},
    {MsgId::kErrGroupsDivide,
     "--groups: {groups} 必须同时整除 --in-channels {in} 和 --out-channels {out}"},
    {MsgId::kErrSymbolicLayer,
     "--symbolic: 只用于单通道、无偏置的一维或二维层；请去掉 --in-channels、--out-channels、"
     "--groups、--bias 和 --dims 3"},
    {MsgId::kErrFullTooLarge,
     "--full: 阶段 '{stage}' 有 {count} 个元素，超过 --max-cells {max_cells}；请去掉 --full、"
     "选择其他 --stages，或调高 --max-cells"},
    {MsgId::kErrSymbolicTooLarge,
     "--symbolic: 和式将包含 {count} 个乘积（{inputs} 个输入元素 x {taps} 个卷积核元素），"
     "超过上限 {limit}；请用更小的 --n 或 --k"},
    {MsgId::kErrSymbolicValues,
     "--symbolic: 卷积核和输入都写成符号，{option} 会被忽略；请去掉其中一个"},
    {MsgId::kErrSymbolicWholeLayer,
     "--symbolic: 只能写单通道、无偏置的一维或二维层，不能与 {option} 同用；请去掉其中一个"},
    {MsgId::kErrSparseTooLarge,
     "--max-cells: 阶段 '{stage}' 有 {cells} 个元素、{count} 个非零元，即使在 JSON 中按稀疏格式"
     "写出也超过上限 {max_cells}；请选择其他 --stages 或调高 --max-cells"},
    {MsgId::kErrOutOfMemory, "--max-cells: 内存不足；请用更小的尺寸或更低的 --max-cells"},
    {MsgId::kErrEmptyValue, "{option}: 值为空；请给出一个值，或不写这个选项"},
    {MsgId::kErrUnknownStage, "--stages: 未知的阶段 id '{value}'；有效的 id：{valid}"},
    {MsgId::kErrUnknownFormat, "--format: 未知的格式 '{value}'；可选：{valid}"},
    {MsgId::kErrRange, "{option}: {what}必须是 {min} 到 {max} 之间的整数，实际为 '{value}'"},
    {MsgId::kErrUnknownSubcommand, "未知的子命令 '{value}'；可用：{valid}"},
    {MsgId::kErrMissingSubcommand,
     "需要一个子命令，例如 convt explain --k 3 --s 1 --p 1 --n 3（见 convt --help）"},
    {MsgId::kErrMissingValue, "{option}: 缺少取值"},
    {MsgId::kErrUnknownOption, "{option}: {command} 没有这个选项；见 {command} --help"},
    {MsgId::kErrUnknownOptionNearest, "{option}: {command} 没有这个选项；是否想写 {nearest}？"},
    {MsgId::kErrUnexpectedArgument,
     "意外的参数 '{value}'；每个值都跟在它的选项后面，例如 --n 3（见 {command} --help）"},
    {MsgId::kErrRepeated, "{option}: 给出了不止一次；每个选项只能给一次"},
    {MsgId::kErrUnknownShell, "--completion: 未知的 shell '{value}'；可选：{valid}"},
    {MsgId::kManOneOf, "取值之一：{values}。"},
    {MsgId::kManListOf, "以逗号分隔的列表，取值：{values}。"},
    {MsgId::kManRequired, "必填。"},

    {MsgId::kTitleOverlap, "每个输出元素收到多少份贡献"},
    {MsgId::kExplainOverlap,
     "裁剪后，对每个输出元素，统计写入它的（输入元素，卷积核元素）对的个数。相邻元素收到的个数不同"
     "时，"
     "每个输入对某些元素的贡献就比其他元素多。"},
    {MsgId::kOverlapEven,
     "均匀重叠{axis}：卷积核尺寸 {k} 能被步幅 {s} 整除，所以远离边界的每个输出元素都收到 {count} "
     "份贡献；只有靠近边缘的元素收到的更少：{counts}。"},
    {MsgId::kOverlapEvenDilated,
     "均匀重叠{axis}：卷积核尺寸 {k} 能被步幅 {s} 整除，且膨胀率 {d} "
     "与步幅没有公因数，所以远离边界的"
     "每个输出元素都收到 {count} 份贡献；只有靠近边缘的元素收到的更少：{counts}。"},
    {MsgId::kOverlapUneven,
     "不均匀重叠{axis}：卷积核尺寸 {k} 不能被步幅 {s} "
     "整除，所以相邻输出元素收到的贡献个数不同：{counts}。"},
    {MsgId::kOverlapUnevenDilation,
     "不均匀重叠{axis}：膨胀率 {d} 与步幅 {s} 有公因数 {g}，所以卷积核元素只落在未裁剪网格中下标为 "
     "{g} "
     "的倍数的元素上，其间的元素什么也收不到：{counts}。"},
    {MsgId::kOverlap2d,
     "在二维中，一个元素收到的个数等于其所在行的个数乘以所在列的个数；网格中的值为 {values}。"},
    {MsgId::kOverlap3d,
     "在三维中，一个元素收到的个数等于其深度、行、列各自个数的乘积；网格中的值为 {values}。"},
    {MsgId::kOverlapVerdictEven,
     "结论：均匀。远离边界的每个输出元素收到的贡献个数相同，所以该层的形状本身不会带来不均匀的"
     "图案；但这并不排除训练后的权重造成的棋盘格伪影。"},
    {MsgId::kOverlapVerdictUneven,
     "结论：不均匀。有些元素收到的贡献比相邻元素多，这种图案随步幅周期性重复；这种不均匀重叠可能"
     "表现为转置卷积的棋盘格伪影。让卷积核尺寸能被步幅整除（且膨胀率与步幅没有公因数），例如 "
     "k=4, s=2, p=1，可使远离边界处的贡献个数均匀。"},
    {MsgId::kWordEven, "均匀"},
    {MsgId::kWordUneven, "不均匀"},
    {MsgId::kColLayer, "层"},
    {MsgId::kColFormula, "公式"},
    {MsgId::kColOverlap, "重叠"},
    {MsgId::kColOutputSize, "输出尺寸"},
    {MsgId::kColKeeps, "保留"},
    {MsgId::kColTransposed, "转置卷积"},
    {MsgId::kColForward, "正向卷积（{m} -> {n}）"},
    {MsgId::kColAxis, "轴"},
    {MsgId::kColMapsBack, "正向卷积映射回 n 的尺寸"},
    {MsgId::kColClaim, "声称的 m"},
    {MsgId::kColChannels, "通道"},
    {MsgId::kColWeight, "权重"},
    {MsgId::kColParameters, "参数"},
    {MsgId::kColActivation, "输出值"},
    {MsgId::kTitleForwardCheck, "正向校验"},
    {MsgId::kTitleClaim, "声称的输出尺寸"},
    {MsgId::kTitleLayer, "权重与参数"},
    {MsgId::kTitleTfCompare, "与 TensorFlow/Keras 的比较"},
    {MsgId::kShapeForward,
     "{conv}，即使用相同 k、s、p、d 的正向卷积，会把从 {first} 到 {last} 的每个尺寸映射回 n = "
     "{n}："},
    {MsgId::kShapeForwardOne,
     "{conv}，即使用相同 k、s、p、d 的正向卷积，只把尺寸 {size} 映射回 n = {n}："},
    {MsgId::kShapeForwardNone,
     "{conv}，即使用相同 k、s、p、d 的正向卷积，没有任何尺寸能映射回 n = {n}：填充去掉的比卷积核"
     "覆盖的还多。"},
    {MsgId::kShapeWhyOutputPadding,
     "正向卷积除以步幅时舍去余数，所以无法区分这 {count} 个尺寸。转置卷积返回其中最小的 {base}，"
     "输出填充 output_padding（0 到 {op_max}）用来选择其他尺寸：尺寸为 {last} 的正向输入会还原为 "
     "{base}，除非 output_padding = {op_last}。"},
    {MsgId::kShapeStrideOne, "步幅为 1 时只有一个尺寸映射回 n = {n}，所以形状总能还原。"},
    {MsgId::kShapeOpBeyondStride,
     "output_padding = {op} 不小于步幅 {s}（PyTorch 允许这样，因为膨胀率为 {d}），所以正向卷积把 "
     "m = {m} 映射为 {back}，而不是映射回 n = {n}。"},
    {MsgId::kClaimReachable,
     "m = {claimed}{axis} 可以用 output_padding = {op} 得到：m = {base} + {op}。"},
    {MsgId::kClaimNotBack,
     "但正向卷积把 {claimed} 映射为 {back}，而不是映射回 n = {n}：输出填充 {op} 不小于步幅 {s}。"},
    {MsgId::kClaimUnreachable,
     "p = {p} 时无法得到 m = {claimed}{axis}：output_padding 取 0 到 {op_max} 只能得到 {first} 到 "
     "{last}。"},
    {MsgId::kClaimOtherPadding,
     "padding = {p2} 配合 output_padding = {op2} 可以得到它（k、s、d 不变）。"},
    {MsgId::kClaimSolve,
     "在这组 k、s、d 下没有填充能得到它；convt solve --n {n} --m {claimed} 会列出能做到的层。"},
    {MsgId::kLayerWeight,
     "权重 {shape}（[in_channels, out_channels/groups, 各轴卷积核尺寸]）：{count} 个权重"},
    {MsgId::kLayerBias,
     "偏置 [{count}]：{count} 个值，每个输出通道一个（PyTorch 的默认 bias=True）"},
    {MsgId::kLayerNoBias, "无偏置（bias=False，--bias no）"},
    {MsgId::kLayerParameters, "{total} 个参数：{weights} 个权重 + {bias} 个偏置值"},
    {MsgId::kLayerParametersNoBias, "{total} 个参数，全部是权重"},
    {MsgId::kLayerActivation,
     "输出 {shape}（[out_channels, 各轴输出尺寸]）：每个样本 {count} 个值"},
    {MsgId::kLayerTransposeOf,
     "该层是 {conv} 的转置：权重张量 {shape} 完全相同。卷积把权重存为 [它的 out_channels, 它的 "
     "in_channels/groups, k...]，所以转置卷积的 in_channels 在前。"},
    {MsgId::kTfIntro,
     "Keras 的 {module}（TensorFlow）使用相同的卷积核尺寸、步幅和输入时：padding='valid' 与 "
     "padding='same' 的输出尺寸，以及各自保留未裁剪网格中的哪些元素（full[a:b] 表示 F 网格 "
     "full[0:{full}] 中第 a 到 b-1 个元素）。"},
    {MsgId::kTfDilated, "有膨胀时，Keras 公式中的 k 代表膨胀后的卷积核尺寸 d(k-1)+1 = {k_eff}。"},
    {MsgId::kTfRowPytorch, "PyTorch p={p}, output_padding={op}"},
    {MsgId::kTfRowValid, "Keras padding='valid'"},
    {MsgId::kTfRowSame, "Keras padding='same'"},
    {MsgId::kTfCrops,
     "Keras 'same' 在开头裁掉 floor((k-s)/2) = {start} 个元素，其余 {end} 个在末尾裁掉；PyTorch "
     "在开头裁掉 p 个，在末尾裁掉 p - output_padding 个。"},
    {MsgId::kTfCropsNone,
     "卷积核小于步幅时 Keras 'same' 什么也不裁；PyTorch 在开头裁掉 p 个，在末尾裁掉 "
     "p - output_padding 个。"},
    {MsgId::kTfZeros, "位于 F = {full} 及之后的元素是零：没有输入能到达它们。"},
    {MsgId::kTfMatch,
     "PyTorch 的输出等于 Keras padding='{mode}'：同样的 {size} 个元素，full[{start}:{end}]。"},
    {MsgId::kTfShift,
     "PyTorch 的输出尺寸与 Keras padding='{mode}' 相同（{size}），但它保留 full[{start}:{end}]，"
     "而 Keras 保留 full[{tf_start}:{tf_end}]：结果平移了 {shift} 个像素。"},
    {MsgId::kTfNoMatch,
     "PyTorch 的 m = {m} 与两种 Keras 尺寸都不同（'valid' 为 {valid}，'same' 为 {same}）。"},
    {MsgId::kTfForValid,
     "在 PyTorch 中，Keras padding='valid' 对应 p={p}, output_padding={op}：元素完全相同。"},
    {MsgId::kTfForSame,
     "在 PyTorch 中，Keras padding='same' 对应 p={p}, output_padding={op}：元素完全相同。"},
    {MsgId::kTfForSameShifted,
     "在 PyTorch 中，Keras padding='same' 最接近的是 p={p}, "
     "output_padding={op}：尺寸相同，但平移了 "
     "{shift} 个像素，因为 k - s = {diff} 是奇数，而 PyTorch 在开头裁掉的从不少于末尾。"},
    {MsgId::kTfForSameNone,
     "这里 Keras padding='same' 在 PyTorch 中没有对应：它需要 output_padding = {op}，而 "
     "output_padding 必须小于 max(步幅, 膨胀率) = {limit}。"},
    {MsgId::kSolveHeading,
     "把 {n} 映射为 {m} 的层（{module}{axes}；搜索范围 k <= {max_k}, s <= {max_s}, "
     "d <= {max_d}{filters}）：共 {count} 个解，最常见的在前。"},
    {MsgId::kSolveSameAxes, "，每个轴参数相同"},
    {MsgId::kSolveFilterK, "；仅 k = {k}"},
    {MsgId::kSolveFilterS, "；仅 s = {s}"},
    {MsgId::kSolveFilterP, "；仅 p = {p}"},
    {MsgId::kSolveFilterD, "；仅 d = {d}"},
    {MsgId::kSolveFilterEven, "；仅均匀重叠"},
    {MsgId::kSolveOrder,
     "最常见的在前：步幅最接近比值 m/n、膨胀率为 1、无输出填充、填充不超过卷积核的一半"
     "（p <= k/2）的排在前面，然后按卷积核尺寸、步幅和填充从小到大。均匀重叠（k 能被 s 整除，且 d "
     "与 s 没有公因数）是指远离边界的每个输出元素收到的贡献个数相同。"},
    {MsgId::kSolveMoreOne, "还有 1 个层；--limit 0 显示全部。"},
    {MsgId::kSolveMoreMany, "还有 {count} 个层；--limit 0 显示全部。"},
    {MsgId::kSolveForwardGives, "{call} 得到 {size}"},
    {MsgId::kSolveForwardNote,
     "每个层对应的正向卷积是 k、s、p、d 相同（没有 output_padding）的 nn.{module}；"
     "它把 {m} 映射回 {n}，除非该层下面另有一行写明它得到的尺寸。"},
    {MsgId::kSolveNone, "搜索范围内没有把 {n} 映射为 {m}{axis} 的层。"},
    {MsgId::kSolveNearestBelow, "较小方向上最近的可达尺寸：{size}，例如 {layer}。"},
    {MsgId::kSolveNearestAbove, "较大方向上最近的可达尺寸：{size}，例如 {layer}。"},
    {MsgId::kSolveNothingBelow, "没有更小的可达尺寸。"},
    {MsgId::kSolveNothingAbove,
     "搜索范围内没有更大的可达尺寸；请调高 --max-k、--max-s 或 --max-d。"},
    {MsgId::kChainHeading, "由 {count} 个转置卷积组成的链（{module}）：{sizes}"},
    {MsgId::kChainAllEven,
     "每一层都是均匀重叠（卷积核尺寸能被步幅整除）：每一层远离边界的每个输出元素收到的贡献个数"
     "相同。这排除的是不均匀重叠，而不是所有棋盘格伪影：训练后的权重仍可能造成棋盘格伪影。"},
    {MsgId::kChainTotals,
     "合计：{parameters} 个参数（{weights} 个权重 + {bias} 个偏置值）；所有层的输出共有 "
     "{activation} 个值（每个样本）。"},
    {MsgId::kChainTotalsNoBias,
     "合计：{parameters} 个参数，全部是权重（无偏置）；所有层的输出共有 {activation} "
     "个值（每个样本）。"},
    {MsgId::kChainUneven,
     "第 {layers} "
     "层重叠不均匀：卷积核尺寸不能被步幅整除（或膨胀率与步幅有公因数），所以相邻输出元素收到的"
     "贡献个数不同，可能表现为棋盘格伪影；让卷积核尺寸能被步幅整除，例如 k4s2p1，可使远离边界处"
     "的贡献个数均匀。"},
    {MsgId::kErrUnknownCompare, "--compare: 未知的比较 '{value}'；可选：tf"},
    {MsgId::kErrCompareFormat,
     "--compare: TensorFlow 比较只能以 text、unicode、markdown 和 json 输出，不支持 --format "
     "{value}"},
    {MsgId::kErrTooManySolutions,
     "--max-k/--max-s/--max-d: 解超过 {limit} 个；请用 --k、--s、--p、--d、--even "
     "或更小的搜索范围缩小搜索"},
    {MsgId::kErrLayerSyntax,
     "{option}: 第 {position} 个位置出现意外的 '{char}'；请写 k、s、p、d、op，每个后面跟一个数或 "
     "行x列，以及 c（out_channels）、g（groups），每个后面跟一个数，例如 k4s2p1c64"},
    {MsgId::kErrLayerRepeatedName, "{option}: {name} 给出了不止一次"},
    {MsgId::kErrLayerMissingValue, "{option}: {name} 后面需要一个数，例如 {name}2"},
    {MsgId::kErrLayerMissingKernel, "{option}: 没有卷积核尺寸；每一层都需要 k，例如 k4s2p1"},
    {MsgId::kErrLayerEmpty, "{option}: 空的层；请写 k4s2p1 这样的层，用单个逗号分隔"},
    {MsgId::kErrLayerNoOutput,
     "{option}: 填充 {p}{axis} 使尺寸为 {n} 的输入没有输出：m = {equation} = {m} < 1；"
     "这里可用的最大填充是 {largest}"},
    {MsgId::kErrLayerOutputPadding,
     "{option}: 输出填充 {op}{axis} 必须小于 max(步幅, 膨胀率) = {limit}"},
    {MsgId::kErrLayerGroupsDivide,
     "{option}: 分组数 {groups} 必须同时整除输入的 {in} 个通道和输出通道数 {out}"},
    {MsgId::kErrNoLayers,
     "--layer: 没有给出层；每层加一个 --layer k4s2p1，或用 --layers k4s1p0,k4s2p1"},
    {MsgId::kErrLayerAndLayers, "--layer/--layers: 只能用其中一个给出层，不能同时使用"},

    {MsgId::kErrUnknownChoice, "{option}: 未知的值 '{value}'；可选：{valid}"},
    {MsgId::kErrStandaloneFormat,
     "--standalone: 只有 --format latex 能写出完整文档，实际为 --format {value}"},
    {MsgId::kErrPaperNeedsStandalone,
     "--paper: 设置完整文档的纸张大小；需要同时使用 --format latex --standalone"},
    {MsgId::kLatexFragmentNote,
     "convt LaTeX 片段：需要在导言区加入 \\usepackage{amsmath}、\\usepackage{graphicx} 和 "
     "\\usepackage{color}（或 "
     "xcolor）；重新定义下面的 \\convt... 宏即可修改标记"},
    {MsgId::kLatexXelatexNote,
     "中文文档：请用 xelatex 编译，ctex 宏包需要它来使用中日韩字体"
     "（Debian/Ubuntu：apt install texlive-xetex texlive-lang-chinese）"},

    {MsgId::kErrSvgNeedsOut, "--out: --format svg 为每个阶段写一个文件；请用 --out DIR 指定文件夹"},
    {MsgId::kErrOutNeedsSvg, "--out: 只有 --format svg 会写文件，实际为 --format {value}"},
    {MsgId::kErrSvgOnly, "{option}: 只能与 --format svg 一起使用"},
    {MsgId::kErrOutNotEmpty,
     "--out: 文件夹 '{dir}' 不是空的；加上 --force 才会写入（同名文件会被替换）"},
    {MsgId::kErrOutNotFolder, "--out: '{dir}' 已存在且不是文件夹"},
    {MsgId::kErrOutCreate, "--out: 无法创建文件夹 '{dir}'：{reason}"},
    {MsgId::kErrOutWrite, "--out: 无法写入 '{path}'：{reason}"},
    {MsgId::kSvgWrote, "已向 {dir} 写入 {count} 个文件；请打开 {index}"},
    {MsgId::kSvgLegendData, "{mark} = 一个数值"},
    {MsgId::kSvgLegendWeights, "{mark} = 一个卷积核权重：每个权重在所有图中保持同一种颜色"},
    {MsgId::kSvgLegendBands, "{mark} = 一个卷积核权重：每个权重的颜色沿着自己的对角带分布"},
    {MsgId::kSvgLegendFootprint,
     "{mark} = F 网格元素 {cell} 对应的翻转卷积核覆盖范围；小数字是与下方元素相乘的权重"},
    {MsgId::kSvgLegendSliding, "{mark} = 翻转卷积核的当前位置，以及它写入的 F 网格元素"},
    {MsgId::kSvgLegendOverlap, "{mark} = 颜色越深的元素收到的贡献越多"},
    {MsgId::kSvgLegendChannelBlocks,
     "{mark} = 两个通道块之间的分界线：行或列标签的第一个数是它的通道"},
    {MsgId::kSvgKernelKey, "卷积核 w，按权重着色："},
    {MsgId::kSvgProduct, "转置卷积做的是乘法：C^T 乘以展平的输入 x，得到展平的 F 网格 y。"},
    {MsgId::kTitleSliding, "翻转的卷积核在填充后的输入上滑动"},
    {MsgId::kExplainSliding,
     "翻转的卷积核在填充后的输入上每次移动一个元素（步幅 "
     "1）。在每个位置，它的权重与下方的元素相乘，"
     "乘积之和就是 F 网格的一个元素，从左上角开始依次写出。"},
    {MsgId::kSvgSlidingStep, "F 网格元素 {cell}{crop} = {terms} = {value}"},
    {MsgId::kSvgSlidingStepZero, "F 网格元素 {cell}{crop} = 0：卷积核只覆盖了零"},
    {MsgId::kSvgSlidingKept, "（裁剪后为输出元素 {cell}）"},
    {MsgId::kSvgSlidingCropped, "（被裁剪去掉）"},
    {MsgId::kSvgSlidingSkipped,
     "动画显示了 {total} 个卷积核位置中的 {shown} 个：其余位置所在的行或列未显示"},
    {MsgId::kSvgSlidingCapped, "动画显示了 {total} 个卷积核位置中的前 {shown} 个"},
    {MsgId::kSvgSlidingOmitted,
     "滑动卷积核的动画只为只有一个输入通道、一个输出通道和一个深度切片的层绘制。在这一层中，"
     "一个输出元素要对其分组内每个输入通道（以及每个深度）的窗口求和，一个在单个网格上移动的"
     "二维窗口无法表现这一点：填充后的输入、翻转的权重和直接卷积逐个切片地展示了同样的计算。"},
    {MsgId::kSvgFrame, "第 {frame} 帧，共 {count} 帧"},
    {MsgId::kSvgPanelsHidden, "还有 {count} 个小图未显示；--full 画出全部"},

    {MsgId::kWordInputSize, "输入尺寸"},
    {MsgId::kWordKernelSize, "卷积核尺寸"},
    {MsgId::kWordStride, "步幅"},
    {MsgId::kWordPadding, "填充"},
    {MsgId::kWordDilation, "膨胀率"},
    {MsgId::kWordOutputPadding, "输出填充 output_padding "},
    {MsgId::kWordDims, "维数"},
    {MsgId::kWordInChannels, "输入通道数"},
    {MsgId::kWordOutChannels, "输出通道数"},
    {MsgId::kWordGroups, "分组数"},
    {MsgId::kWordOutputWidth, "输出宽度"},
    {MsgId::kWordCellLimit, "元素数上限"},
    {MsgId::kWordDecimalPlaces, "小数位数"},
    {MsgId::kWordLargestKernelSize, "最大卷积核尺寸"},
    {MsgId::kWordLargestStride, "最大步幅"},
    {MsgId::kWordLargestDilation, "最大膨胀率"},
    {MsgId::kWordSolutionLimit, "显示的层数"},
    {MsgId::kWordPaddedInput, "填充后的输入"},
    {MsgId::kWordGridSize, "网格尺寸"},
    {MsgId::kWordConvMatrixNonZeros, "C 的非零元个数"},
    {MsgId::kWordCellCount, "{count} 个元素"},
    {MsgId::kWordWeightCount, "权重个数"},
    {MsgId::kWordActivationSize, "输出值个数"},
    {MsgId::kWordParameterTotal, "参数总数"},
    {MsgId::kWordReversed, "反转"},
    {MsgId::kWordRotated180, "旋转 180 度"},
    {MsgId::kWordFlippedEveryAxis, "沿每个轴翻转"},
    {MsgId::kTagRows, "（行）"},
    {MsgId::kTagCols, "（列）"},
    {MsgId::kTagAlongEachAxis, "（每个轴）"},
    {MsgId::kTagAlongRows, "（沿行）"},
    {MsgId::kTagAlongCols, "（沿列）"},
    {MsgId::kTagAlongDepth, "（沿深度）"},
    {MsgId::kDefaultOne, "，默认值 1"},
    {MsgId::kDefaultValues, "，默认值 1, 2, ..., {count}"},
    {MsgId::kAxisValues, "{rows}（行）/ {cols}（列）"},
    {MsgId::kTagDepth, "（深度）"},
    {MsgId::kAxisValues3d, "{depth}（深度）/ {rows}（行）/ {cols}（列）"},
    {MsgId::kSliceWeight, "w[{c}][{j}]：输入通道 {c} 到输出通道 {o}"},
    {MsgId::kSliceFlippedWeight, "w'[{o}][{j}]：输入通道 {c} 到输出通道 {o}"},
    {MsgId::kSliceInputChannel, "输入通道 {c}"},
    {MsgId::kSliceOutputChannel, "输出通道 {o}"},
    {MsgId::kSliceAtDepth, "{what}，深度 z = {z}"},
    {MsgId::kSliceDepth, "深度 z = {z}"},
    {MsgId::kReasonNoSuchPath, "没有那个文件或目录"},
    {MsgId::kReasonPermission, "权限不够"},
    {MsgId::kReasonNotFolder, "不是目录"},
    {MsgId::kReasonNoSpace, "设备上没有空间"},
    {MsgId::kReasonReadOnly, "只读文件系统"},
    {MsgId::kQuizTitle, "转置卷积练习"},
    {MsgId::kQuizSeedLine, "种子 {seed}：{command} 会再次打印这份练习。"},
    {MsgId::kQuizInstructions,
     "每道题的答案单独写一行，格式为 Q<题号>: <答案>，与 {sheet} 打印的各行相同：尺寸写成 "
     "5，二维写成 5x7（行 x 列）；网格逐行书写，数之间用空格、行之间用 ';' 分隔（1 3 2; 4 10 "
     "6）；元素从 0 开始编号，写成位置（0 6），二维写成（行，列）对（(0,0) (0,4)）；层写成 k=4 s=2 "
     "p=1，d 不是 1、op 不是 0 时再加上 d= 和 op=；权重形状写成 4x2x3x3。{grade} "
     "批改填好的答题纸。"},
    {MsgId::kQuizPromptOutputSize, "{call} 的输入尺寸是 {n}。它的输出尺寸是多少？"},
    {MsgId::kQuizPromptOutputGrid,
     "{call} 的卷积核是 w = {kernel}，输入是 x = {input}。它输出的网格是什么？"},
    {MsgId::kQuizPromptCrop1d,
     "{call} 的输入尺寸是 {n}。把未裁剪的结果 F 的元素从 0 开始编号：裁剪去掉了哪些元素？"},
    {MsgId::kQuizPromptCrop2d,
     "{call} 的输入尺寸是 {n}。把未裁剪的结果 F 的元素按（行，列）从 (0,0) "
     "开始编号：裁剪去掉了哪些元素？"},
    {MsgId::kQuizPromptFindLayer,
     "找一个 {module} 层，把尺寸 {n} 的输入映射为尺寸 {m} 的输出：步幅为 {s}，卷积核尺寸在 1 到 "
     "{max_k} 之间，膨胀为 1，填充任意，输出填充小于步幅。"},
    {MsgId::kQuizPromptWeightShape, "{call} 的权重张量是什么形状？"},
    {MsgId::kQuizAnswersHeading, "答案"},
    {MsgId::kQuizGradeRight, "正确"},
    {MsgId::kQuizGradeWrong, "错误：应为 {expected}；参见以下命令的“{stage}”一步：{command}"},
    {MsgId::kQuizGradeUnanswered,
     "未作答：应为 {expected}；参见以下命令的“{stage}”一步：{command}"},
    {MsgId::kQuizExpectedLayer, "符合条件的层，例如 {layer}"},
    {MsgId::kQuizScore, "得分：{count} 题中答对 {right} 题"},
    {MsgId::kErrQuizUnknownKind, "--kinds：未知的题型 '{value}'；可选：{valid}"},
    {MsgId::kErrQuizRepeatedKind, "--kinds：'{value}' 出现了不止一次；每种题型只写一次"},
    {MsgId::kErrQuizSheetLine, "--answers：第 {line} 行无法读取：{reason}"},
    {MsgId::kQuizReadLine, "答题纸的每行应为 Q<题号>: <答案>、空行或 # 注释"},
    {MsgId::kQuizReadNoSuchQuestion, "没有第 {number} 题；这份练习的题号是 1 到 {count}"},
    {MsgId::kQuizReadRepeated, "第 {number} 题已经在第 {first} 行作答"},
    {MsgId::kQuizReadSizes, "第 {number} 题要的是尺寸，例如 5，二维为 5x7"},
    {MsgId::kQuizReadShape, "第 {number} 题要的是形状，例如 4x2x3x3"},
    {MsgId::kQuizReadGrid, "第 {number} 题要的是整数，行之间用 ';' 分隔，例如 1 3 2; 4 10 6"},
    {MsgId::kQuizReadCells1d, "第 {number} 题要的是元素位置，例如 0 6"},
    {MsgId::kQuizReadCells2d, "第 {number} 题要的是（行，列）对，例如 (0,0) (0,4)"},
    {MsgId::kQuizReadLayer,
     "第 {number} 题要的是一个层，例如 k=4 s=2 p=1，d 不是 1、op 不是 0 时再写 d= 和 op="},
    {MsgId::kErrQuizAnswersRead, "--answers：无法读取 '{path}'：{reason}"},
    {MsgId::kErrQuizAnswersTooLarge, "--answers：'{path}' 超过 {limit} 字节；答题纸每题只有一短行"},
    {MsgId::kErrQuizNotTogether, "{option}：不能与 {other} 同时使用；只给其中一个"},
    {MsgId::kErrQuizLinesFormat, "{option}：打印的是答案行，没有 --format；去掉 --format {value}"},
    {MsgId::kWordQuizSeed, "种子"},
    {MsgId::kQuizReasonNotFile, "不是普通文件"},
    {MsgId::kWordQuizCount, "题数"},
    // --format python (render_python.cpp) and the gradient identity of explain.
    {MsgId::kExplainGradientIdentity,
     "反过来读，C "
     "也说明了为什么转置卷积是卷积的梯度：用同样的卷积核、步幅、填充和膨胀的卷积，把与输出同样大小"
     "的张量 "
     "z 变为 C 乘以按 p 填充后的 z；所以它对 z 的梯度（传入的梯度为 x）就是按 p 裁剪后的 C^T x，"
     "不计偏置，正是这个转置卷积的输出。卷积的反向传播计算的就是它；--format python 用 "
     "torch.autograd 检验这一点。"},
    {MsgId::kErrPythonExcludes,
     "--format python：不能与 {option} 一起使用；脚本要用 PyTorch 检验每个阶段的精确数值"},
    {MsgId::kErrPythonTooLarge,
     "--format python：阶段 '{stage}' 有 {count} 个元素，超过 --max-cells {max_cells}；"
     "脚本要写入每个数值，请选更小的尺寸或调高 --max-cells"},
    {MsgId::kPythonHeader,
     "convt 对 {layer} 的推导，用 PyTorch 逐个阶段重新计算，并与 convt "
     "打印的数字（写在本脚本中）比较。"},
    {MsgId::kPythonHowToRun,
     "只需要 torch（Debian：python3-torch）。用 python3 "
     "运行：每个阶段打印一行，最后一行说明所有阶段都一致；"
     "遇到第一个不同的数字时，说明哪里不同并以状态 1 退出。"},
    {MsgId::kPythonTolerance,
     "check() 用 float64 比较：整数必须完全相等；其他数值最多可差该阶段最大值的 1e-9 倍，"
     "因为 convt 打印精确的小数，而 0.1 这样的小数在 float64 中求和，最后几位会有误差。"},
    {MsgId::kPythonHelpers,
     "tensor() 生成 float64 张量；check() 比较 PyTorch 算出的和 convt 打印的数值，打印一行，"
     "不一致时停止脚本。"},
    {MsgId::kPythonParams,
     "这一层：n（输入大小）、k（卷积核大小）、s（步幅）、p（填充）、d（膨胀）和 "
     "op（output_padding）"
     "每个空间轴各一项。"},
    {MsgId::kPythonStageOk, "通过  {stage}"},
    {MsgId::kPythonMismatch,
     "{stage} 不一致，位置 {index}：PyTorch 算出 {got}，convt 打印的是 {expected}"},
    {MsgId::kPythonShapeMismatch, "{stage} 不一致：PyTorch 的形状是 {got}，convt 的是 {expected}"},
    {MsgId::kPythonAllMatch, "所有阶段都与 PyTorch 一致"},
    {MsgId::kPythonFormula,
     "每个轴的输出大小 m = (n-1)s - 2p + d(k-1) + op + 1 必须等于 convt 推出的大小；裁剪之前，"
     "F 网格每个轴有 F = (n-1)s + d(k-1) + 1 个元素。"},
    {MsgId::kPythonKernel,
     "convt 打印的权重，按 PyTorch 的布局 [in_channels][out_channels/groups][k...]："
     "torch.nn.ConvTranspose{dims}d 的权重正是这个形状。"},
    {MsgId::kPythonDefaultValues,
     "convt 的默认值按行优先顺序为 1, 2, 3, ...：torch.arange 给出同样的值。"},
    {MsgId::kPythonInput,
     "convt 打印的输入，[in_channels][n...]；PyTorch 在前面加一个大小为 1 的批次轴。"},
    {MsgId::kPythonConvMatrix,
     "C 是普通卷积 conv{dims}d 的矩阵：同样的权重、步幅 s、膨胀 d、无填充，从 F "
     "网格（每个输出通道一个）"
     "缩到输入的大小。C 中对应 F 元素 j 的一列，就是这个卷积作用于基张量（元素 j 为 1，其余为 0）"
     "的结果。"},
    {MsgId::kPythonTransposedMatrix, "C^T 就是把 C 的行和列互换。"},
    {MsgId::kPythonMatrixOutput,
     "路线 1，矩阵：C^T 乘以展平的输入，再变形为每个输出通道的 F 网格。"},
    {MsgId::kPythonScatterStamps,
     "每个输入元素把卷积核乘以自己的值，印到 F 网格上：角落位于该元素的下标乘以 s，"
     "各卷积核元素相隔 d；逐个构造这些印章。"},
    {MsgId::kPythonScatterOutput,
     "路线 2，散射：把所有输入元素的印章相加；每个输出通道汇集本组的输入通道。"},
    {MsgId::kPythonZeroInserted,
     "路线 3 先在相邻输入元素之间插入 s - 1 个零：把输入以步长 s（[::s]）写进一个全零张量。"},
    {MsgId::kPythonPaddedInput,
     "然后在每个空间轴的两侧各补 d(k-1) 个零（torch.nn.functional.pad）。"},
    {MsgId::kPythonFlippedKernel,
     "沿每个空间轴翻转的权重（torch."
     "flip），并在每组内交换输入通道与输出通道：这就是普通卷积的权重，"
     "[out_channels][in_channels/groups][k...]。"},
    {MsgId::kPythonDilatedKernel, "在翻转后卷积核的相邻卷积核元素之间插入 d - 1 个零。"},
    {MsgId::kPythonDirectOutput,
     "直接路线：填充后的输入与膨胀、翻转后的卷积核做普通的步幅 1 卷积 conv{dims}d"
     "（与这一层一样分组），又得到 F 网格。"},
    {MsgId::kPythonOutput,
     "裁剪：每个轴开头去掉 p 个元素，末尾去掉 p - op 个（op > p 时在末尾补 op - p 个零），"
     "然后给每个输出通道的所有元素加上它的偏置。"},
    {MsgId::kPythonConvTranspose,
     "PyTorch 自己的转置卷积 torch.nn.functional.conv_transpose{dims}d，用同样的权重、偏置、步幅、"
     "填充、output_padding、分组和膨胀，必须给出这个输出。"},
    {MsgId::kPythonOverlap,
     "每个输出元素上落下多少个乘积：全 1 输入与全 1 卷积核的转置卷积正好数出它们。"},
    {MsgId::kPythonNoteSpatial, "带批次轴的张量的空间轴"},
    {MsgId::kPythonNoteEvery, "全部批次轴和通道轴"},
    {MsgId::kPythonNoteReshape, "按 convt 的形状：没有批次轴，也没有只有一个通道的轴"},
    {MsgId::kPythonNotePadOrder, "fn.pad 接受成对的（前，后）填充量，从最后一个轴到第一个轴。"},
    {MsgId::kPythonNoteBatches, "基张量分批计算，每批约 2^20 个元素，以免占用太多内存。"},
    {MsgId::kPythonAutograd,
     "转置卷积是卷积的梯度：用同样权重、步幅、填充、膨胀和分组的 conv{dims}d 把与输出同样大小的 z "
     "变到输入的大小；torch.autograd.grad 求它对 z 的梯度（传入的梯度为 x；op >= s "
     "使卷积结果变大时在末尾补零），结果就是不加偏置的 conv_transpose{dims}d(x)。"},
    {MsgId::kWebTitle, "convt：逐步讲解转置卷积"},
    {MsgId::kWebParameters, "尺寸"},
    {MsgId::kWebLayer, "通道与偏置"},
    {MsgId::kWebValues, "数值"},
    {MsgId::kWebShow, "显示"},
    {MsgId::kWebControl, "{name}：{what}"},
    {MsgId::kWebKernelValues, "kernel：权重 [in][out/groups][k...]，按行优先排列"},
    {MsgId::kWebInputValues, "input：输入 [in][n...]，按行优先排列"},
    {MsgId::kWebBiasValues, "bias：每个输出通道一个值"},
    {MsgId::kWebLanguage, "语言"},
    {MsgId::kWebLangEn, "英语"},
    {MsgId::kWebLangZh, "中文"},
    {MsgId::kWebStages, "阶段"},
    {MsgId::kWebStagesHint, "一个都不勾选：显示所有阶段"},
    {MsgId::kWebValuesHint, "用逗号或空格分隔的数；留空：默认值 1, 2, ...（无偏置）"},
    {MsgId::kWebLinkHint, "本页的地址恰好打开这个例子：可以复制到幻灯片或作业里。"},
    {MsgId::kWebAsText, "推导的纯文本"},
};

}  // namespace

std::span<const ZhEntry> zh_catalogue() { return kZhCatalogue; }

}  // namespace convt::detail
