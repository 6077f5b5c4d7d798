# Windows PowerShell 5.1 compatibility: no 7-only syntax, no 7-only cmdlet parameters without a
# fallback, in every script of the module, build.ps1 and scripts/.
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
    $script:files = @(
        Get-ChildItem -Path (Join-Path $root 'powershell') -Include *.ps1, *.psm1, *.psd1 -Recurse -File
        Get-Item -Path (Join-Path $root 'build.ps1'), (Join-Path $root 'Orchestrator.psd1')
        Get-ChildItem -Path (Join-Path $root 'scripts') -Include *.ps1, *.psm1, *.psd1 -Recurse -File -ErrorAction SilentlyContinue
    ) | ForEach-Object { @{ Path = $_.FullName; Relative = $_.FullName.Substring($root.Length + 1) } }
}

BeforeAll {
    function script:Get-Ast([string] $Path) {
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        [pscustomobject]@{ Ast = $ast; Errors = $errors }
    }

    # 7-only syntax, by AST node: the message names the construct.
    function script:Find-Pwsh7Syntax($Ast) {
        $Ast.FindAll({
                param($node)
                $type = $node.GetType().Name
                ($type -eq 'TernaryExpressionAst') -or
                ($type -eq 'PipelineChainAst') -or
                ($type -eq 'BinaryExpressionAst' -and "$($node.Operator)" -eq 'QuestionQuestion') -or
                ($type -eq 'AssignmentStatementAst' -and "$($node.Operator)" -eq 'QuestionQuestionEquals') -or
                (($type -eq 'MemberExpressionAst' -or $type -eq 'InvokeMemberExpressionAst' -or $type -eq 'IndexExpressionAst') -and
                $node.PSObject.Properties['NullConditional'] -and $node.NullConditional) -or
                ($type -eq 'ScriptBlockAst' -and $node.PSObject.Properties['CleanBlock'] -and $null -ne $node.CleanBlock)
            }, $true) | ForEach-Object { '{0} at line {1}: {2}' -f $_.GetType().Name, $_.Extent.StartLineNumber, $_.Extent.Text.Split("`n")[0] }
    }

    # Cmdlet parameters that Windows PowerShell 5.1 does not have.
    $script:SevenOnly = @{
        'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
        'Get-Content'      = @('AsByteStream')
        'Set-Content'      = @('AsByteStream')
        'Add-Content'      = @('AsByteStream')
        'Join-Path'        = @('AdditionalChildPath')
        'ForEach-Object'   = @('Parallel', 'ThrottleLimit', 'AsJob')
        'Test-Json'        = @('*')
        'Get-Error'        = @('*')
    }
    $script:SevenOnlyEncodings = @('utf8NoBOM', 'utf8BOM')

    function script:Find-Pwsh7Parameter($Ast) {
        foreach ($command in $Ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $name = $command.GetCommandName()
            if (-not $name) { continue }
            # A call guarded by a version check carries '# 5.1-fallback' on its line.
            $fallback = $command.Extent.StartScriptPosition.Line -match '#\s*5\.1-fallback'
            $elements = @($command.CommandElements)
            for ($i = 1; $i -lt $elements.Count; $i++) {
                $element = $elements[$i]
                if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                $parameter = $element.ParameterName
                if ($SevenOnly.ContainsKey($name)) {
                    foreach ($banned in $SevenOnly[$name]) {
                        if (($banned -eq '*' -or $banned -like "$parameter*") -and -not $fallback) {
                            "{0} -{1} at line {2}" -f $name, $parameter, $command.Extent.StartLineNumber
                        }
                    }
                }
                if ('Encoding' -like "$parameter*" -and $parameter.Length -ge 3 -and $i + 1 -lt $elements.Count) {
                    $value = $elements[$i + 1].Extent.Text.Trim("'", '"')
                    if ($value -in $SevenOnlyEncodings -and -not $fallback) { "{0} -Encoding {1} at line {2}" -f $name, $value, $command.Extent.StartLineNumber }
                }
            }
        }
    }
}

Describe '<Relative> runs on Windows PowerShell 5.1' -ForEach $files {
    BeforeAll {
        $parsed = Get-Ast $Path
    }

    It 'parses' {
        $parsed.Errors | Should -BeNullOrEmpty
    }

    It 'uses no PowerShell 7-only syntax (?:, ??, ??=, ?., &&/||, clean)' {
        @(Find-Pwsh7Syntax $parsed.Ast) | Should -BeNullOrEmpty
    }

    It 'uses no PowerShell 7-only cmdlet parameter without a fallback' {
        @(Find-Pwsh7Parameter $parsed.Ast) | Should -BeNullOrEmpty
    }
}

Describe 'The 5.1 checks themselves' {
    It 'catch <Snippet>' -TestCases @(
        @{ Snippet = '$a ? 1 : 2' }
        @{ Snippet = '$a ?? 1' }
        @{ Snippet = '$a ??= 1' }
        @{ Snippet = '${a}?.b' }
        @{ Snippet = 'git status && echo ok' }
        @{ Snippet = 'function f { process {} clean {} }' }
    ) {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Snippet, [ref]$null, [ref]$null)
        @(Find-Pwsh7Syntax $ast) | Should -Not -BeNullOrEmpty
    }

    It 'catch <Snippet> but accept it with a 5.1-fallback comment' -TestCases @(
        @{ Snippet = '$x | ConvertFrom-Json -AsHashtable' }
        @{ Snippet = 'Get-Content -AsByteStream a' }
        @{ Snippet = 'Set-Content -AsByteStream a -Value 1' }
        @{ Snippet = 'Join-Path a b -AdditionalChildPath c' }
        @{ Snippet = '1..2 | ForEach-Object -Parallel { $_ }' }
        @{ Snippet = 'Out-File -Encoding utf8NoBOM -FilePath a' }
        @{ Snippet = 'ConvertFrom-Json -Depth 5 -InputObject $x' }
    ) {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Snippet, [ref]$null, [ref]$null)
        @(Find-Pwsh7Parameter $ast) | Should -Not -BeNullOrEmpty
        $ast = [System.Management.Automation.Language.Parser]::ParseInput("$Snippet # 5.1-fallback", [ref]$null, [ref]$null)
        @(Find-Pwsh7Parameter $ast) | Should -BeNullOrEmpty
    }
}
