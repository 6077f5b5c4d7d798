# The about_Orchestrator topic ships where Get-Help finds it (<module base>/en-US) and says what
# docs/about_Orchestrator.md says.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    Import-OrcTestModule
    $script:topic = Join-Path $RepoRoot 'en-US/about_Orchestrator.help.txt'
    $script:doc = Join-Path $RepoRoot 'docs/about_Orchestrator.md'
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'about_Orchestrator' {
    It 'is found by Get-Help' {
        $help = Get-Help about_Orchestrator -ErrorAction Stop
        ($help | Out-String) | Should -BeLike '*SHORT DESCRIPTION*'
    }

    It 'is docs/about_Orchestrator.md, byte for byte (copy it after editing the doc)' {
        [System.IO.File]::ReadAllBytes($topic) | Should -Be ([System.IO.File]::ReadAllBytes($doc))
    }

    It 'lists every exported cmdlet' {
        $text = [System.IO.File]::ReadAllText($topic)
        foreach ($command in (Get-Command -Module Orchestrator -CommandType Function).Name) {
            $text | Should -Match ([regex]::Escape($command)) -Because "$command is exported"
        }
    }
}
